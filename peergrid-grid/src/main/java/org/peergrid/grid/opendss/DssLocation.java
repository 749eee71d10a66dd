package org.peergrid.grid.opendss;

import org.peergrid.grid.ValidationException;

/** Where a command or an element was written: the file as the user named it and the 1-based line. */
public record DssLocation(String file, int line) {

  /** An input error at this place. */
  public ValidationException error(String detail) {
    return new ValidationException(file, line, detail);
  }

  @Override
  public String toString() {
    return file + ":" + line;
  }
}
