#!/usr/bin/env python3
"""A reference signer for peergrid's signed offers and meter readings (signature version 2).

It builds the envelope that docs/platform.md ("Signed offers") describes, writes it in the
JSON Canonicalization Scheme (RFC 8785) without its "signature" member, signs those bytes with an
Ed25519 key (RFC 8032) read from a PEM file, and prints the envelope, or submits it to a server.

Only the standard library and the `cryptography` package are used, so that the canonical form is
short enough to port: a prosumer's app in another language needs a JSON parser, the number
formatting of ECMAScript (what JavaScript's String(number) gives) and an Ed25519 signature.

    python3 peergrid_signer.py --key b06.pem --day 2025-06-02 --participant B06 --offer offer.json
    python3 peergrid_signer.py --key b06.pem --day 2025-06-02 --participant B06 --offer offer.json \\
        --submit https://localhost:8443 --token "$TOKEN" --cacert server.pem

Exit codes: 0 printed (or accepted by the server), 1 bad input or refused by the server (the
message names the file, line or the server's answer), 2 bad usage.
"""

import argparse
import base64
import datetime
import decimal
import hashlib
import json
import os
import secrets
import ssl
import sys
import urllib.error
import urllib.request

SIGNATURE_VERSION = 2
SIGNATURE_VERSION_FIELD = "signature_version"


# --- RFC 8785 canonical JSON ----------------------------------------------------------------------

def canonical(value):
    """The RFC 8785 canonical text of a JSON value (dict, list, str, int, float, bool, None)."""
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, (int, float)):
        return ecmascript_number(float(value))
    if isinstance(value, (list, tuple)):
        return "[" + ",".join(canonical(item) for item in value) + "]"
    if isinstance(value, dict):
        # RFC 8785 §3.2.3: keys ordered by their UTF-16 code units, which big-endian UTF-16 bytes
        # compare in the same order (a character above U+FFFF sorts by its high surrogate, D800-DBFF)
        keys = sorted(value, key=lambda k: k.encode("utf-16-be", "surrogatepass"))
        return "{" + ",".join(_string(k) + ":" + canonical(value[k]) for k in keys) + "}"
    raise TypeError("not a JSON value: %r" % (value,))


_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _string(s):
    """A string as RFC 8785 §3.2.2.2 writes it: only the escapes JSON requires, the rest as is."""
    out = ['"']
    for c in s:
        if c in _ESCAPES:
            out.append(_ESCAPES[c])
        elif c < " ":
            out.append("\\u%04x" % ord(c))
        elif "\ud800" <= c <= "\udfff":
            raise ValueError("a string with an unpaired UTF-16 surrogate, which RFC 8785 does not allow")
        else:
            out.append(c)
    out.append('"')
    return "".join(out)


def ecmascript_number(x):
    """A number as ECMAScript's Number::toString writes it (ECMA-262 §7.1.12.1, RFC 8785 §3.2.2.3).

    Python's repr gives the shortest digits that read back to the same double, choosing the nearest
    when several are as short, as ECMAScript does; only the layout differs, and is redone here.
    """
    if x != x or x in (float("inf"), float("-inf")):
        raise ValueError("NaN and infinities have no JSON form")
    if x == 0:
        return "0"  # -0 too
    sign = "-" if x < 0 else ""
    digits_tuple = decimal.Decimal(repr(abs(x))).normalize().as_tuple()
    digits = "".join(str(d) for d in digits_tuple.digits)
    k = len(digits)
    n = digits_tuple.exponent + k  # the value is 0.DIGITS × 10^n
    if k <= n <= 21:
        text = digits + "0" * (n - k)
    elif 0 < n <= 21:
        text = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        text = "0." + "0" * (-n) + digits
    else:
        exponent = n - 1
        mantissa = digits if k == 1 else digits[0] + "." + digits[1:]
        text = mantissa + "e" + ("+" if exponent >= 0 else "-") + str(abs(exponent))
    return sign + text


# --- the envelope -----------------------------------------------------------------------------------

class InputError(Exception):
    """A mistake in the user's input; the message names the file and what to change."""


def _refuse_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise ValueError("the key %s appears twice" % json.dumps(key))
        seen[key] = value
    return seen


def _refuse_constant(name):
    raise ValueError("%s is not a JSON number; write a number" % name)


def parse_json(text):
    """JSON as the server reads it: duplicate keys, NaN and Infinity are refused."""
    return json.loads(text, object_pairs_hook=_refuse_duplicates, parse_constant=_refuse_constant)


def read_json_file(path, what):
    try:
        with open(path, encoding="utf-8") as f:
            text = f.read()
    except OSError as e:
        raise InputError("%s: cannot read the %s: %s" % (path, what, e.strerror))
    try:
        value = parse_json(text)
    except json.JSONDecodeError as e:
        raise InputError("%s:%d: not JSON: %s (column %d)" % (path, e.lineno, e.msg, e.colno))
    except ValueError as e:
        raise InputError("%s: %s" % (path, e))
    if not isinstance(value, dict):
        raise InputError("%s: the %s must be a JSON object such as {\"load_kw\": [20, 35]}" % (path, what))
    return value


def load_private_key(path):
    """An Ed25519 private key from a PEM PKCS#8 file (peergrid offer keygen, openssl genpkey)."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        raise InputError("%s: cannot read the key: %s" % (path, e.strerror))
    try:
        key = serialization.load_pem_private_key(data, password=None)
    except TypeError:
        raise InputError("%s: the key is encrypted; decrypt it first: openssl pkey -in %s -out plain.pem"
                         % (path, path))
    except ValueError as e:
        raise InputError("%s: not a PEM private key (-----BEGIN PRIVATE KEY-----): %s" % (path, e))
    if not isinstance(key, Ed25519PrivateKey):
        raise InputError("%s: not an Ed25519 key; make one with: openssl genpkey -algorithm ed25519 -out KEY"
                         % path)
    return key


def public_key_base64(private_key):
    """The public key to register: base64 of its raw 32 bytes, as 'peergrid offer keygen' prints it."""
    from cryptography.hazmat.primitives import serialization

    raw = private_key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return base64.b64encode(raw).decode("ascii")


def envelope(day, participant, body_key, body, nonce=None, timestamp=None):
    """The unsigned envelope of an offer (body_key "offer") or a meter reading ("readings")."""
    if timestamp is None:
        timestamp = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        SIGNATURE_VERSION_FIELD: SIGNATURE_VERSION,
        "day": day,
        "participant": participant,
        "nonce": nonce if nonce is not None else secrets.token_hex(16),
        "timestamp": timestamp,
        body_key: body,
    }


def sign(private_key, unsigned):
    """The envelope with its "signature": Ed25519 over the RFC 8785 form of the envelope without it."""
    if "signature" in unsigned:
        raise ValueError("the envelope is signed already")
    message = canonical(unsigned).encode("utf-8")
    signed = dict(unsigned)
    signed["signature"] = base64.b64encode(private_key.sign(message)).decode("ascii")
    return signed


def receipt(signed):
    """What the server answers as the receipt: SHA-256 (hex) of the canonical signed envelope."""
    return hashlib.sha256(canonical(signed).encode("utf-8")).hexdigest()


def submit(base_url, token, day, body_key, signed, cafile=None):
    """POSTs the envelope; returns (HTTP status, parsed answer)."""
    path = "offers" if body_key == "offer" else "readings"
    url = base_url.rstrip("/") + "/api/days/" + day + "/" + path
    request = urllib.request.Request(url, data=canonical(signed).encode("utf-8"), method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/json"})
    context = ssl.create_default_context(cafile=cafile) if cafile else None
    try:
        with urllib.request.urlopen(request, context=context, timeout=30) as answer:
            return answer.status, json.loads(answer.read().decode("utf-8"))
    except urllib.error.HTTPError as e:
        text = e.read().decode("utf-8", "replace")
        try:
            return e.code, json.loads(text)
        except ValueError:
            return e.code, {"error": {"message": text}}


def main(argv=None):
    parser = argparse.ArgumentParser(
        description="Signs a peergrid day-ahead offer or meter reading (signature version 2, RFC 8785) "
                    "and prints the envelope, or submits it with --submit.",
        epilog="Exit codes: 0 printed or accepted, 1 bad input or refused, 2 bad usage.")
    parser.add_argument("--key", required=True, metavar="FILE",
                        help="Ed25519 private key, PEM PKCS#8 ('peergrid offer keygen', "
                             "'openssl genpkey -algorithm ed25519')")
    parser.add_argument("--day", metavar="ID", help="the market day (required to sign)")
    parser.add_argument("--participant", metavar="ID", help="your participant id, as registered (required to sign)")
    body = parser.add_mutually_exclusive_group()
    body.add_argument("--offer", metavar="FILE", help="a day-ahead offer, JSON (load_kw, pv_kw, ...); this or --reading")
    body.add_argument("--reading", metavar="FILE", help="a real-time meter reading, JSON (load_kw, pv_kw, wind_kw)")
    parser.add_argument("--nonce", metavar="TEXT", help="the nonce (default: 32 random hex digits); never reuse one")
    parser.add_argument("--timestamp", metavar="ISO",
                        help="the signed time, e.g. 2025-06-01T09:30:00Z (default: now); the server accepts "
                             "5 minutes either way")
    parser.add_argument("--submit", metavar="URL", help="POST the envelope to this server, e.g. http://localhost:8080")
    parser.add_argument("--token", metavar="TOKEN",
                        help="the prosumer token for --submit (default: environment variable PEERGRID_TOKEN)")
    parser.add_argument("--cacert", metavar="FILE", help="a PEM certificate to trust for an https --submit")
    parser.add_argument("--public-key", action="store_true",
                        help="print the key's public key to register (base64 of 32 bytes) and stop; "
                             "needs only --key")
    args = parser.parse_args(argv)
    if not args.public_key:
        missing = [name for name, value in (("--day", args.day), ("--participant", args.participant)) if not value]
        if not (args.offer or args.reading):
            missing.append("--offer or --reading")
        if missing:
            parser.error("signing needs " + ", ".join(missing))

    try:
        key = load_private_key(args.key)
        if args.public_key:
            print(public_key_base64(key))
            return 0
        body_key, path = ("offer", args.offer) if args.offer else ("readings", args.reading)
        body_value = read_json_file(path, "offer" if args.offer else "reading")
        signed = sign(key, envelope(args.day, args.participant, body_key, body_value, args.nonce, args.timestamp))
    except InputError as e:
        print("error: %s" % e, file=sys.stderr)
        return 1
    except ValueError as e:  # no canonical form: an unpaired surrogate in a string
        print("error: %s: %s" % (args.offer or args.reading, e), file=sys.stderr)
        return 1

    if not args.submit:
        print(canonical(signed))
        return 0
    token = args.token or os.environ.get("PEERGRID_TOKEN")
    if not token:
        parser.error("--submit needs --token or the environment variable PEERGRID_TOKEN")
    try:
        status, answer = submit(args.submit, token, args.day, body_key, signed, args.cacert)
    except (urllib.error.URLError, OSError) as e:
        print("error: cannot reach %s: %s" % (args.submit, getattr(e, "reason", e)), file=sys.stderr)
        return 1
    print(json.dumps(answer))
    if status != 201:
        error = answer.get("error", {})
        print("error: the server refused the envelope (HTTP %d, code %s): %s"
              % (status, error.get("code"), error.get("message")), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
