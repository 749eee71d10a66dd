#!/usr/bin/env python3
"""Self-test of the reference signer against ../signing-test-vectors.json, which the Java tests
(peergrid-platform, SigningVectorsTest) check too: both must produce the same bytes.

    python3 clients/python/test_peergrid_signer.py
"""

import base64
import hashlib
import json
import os
import random
import struct
import subprocess
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import peergrid_signer as signer  # noqa: E402

with open(os.path.join(HERE, "..", "signing-test-vectors.json"), encoding="utf-8") as f:
    VECTORS = json.load(f)


def vector_key():
    from cryptography.hazmat.primitives import serialization
    return serialization.load_pem_private_key(VECTORS["key"]["private_key_pem"].encode("ascii"), password=None)


class Numbers(unittest.TestCase):
    def test_rfc8785_appendix_b(self):
        for vector in VECTORS["numbers"]:
            value = struct.unpack(">d", bytes.fromhex(vector["ieee754"]))[0]
            with self.subTest(vector["ieee754"]):
                if vector["json"] is None:
                    self.assertRaises(ValueError, signer.ecmascript_number, value)
                else:
                    self.assertEqual(signer.ecmascript_number(value), vector["json"])

    def test_random_doubles_read_back_and_are_laid_out_as_ecmascript_does(self):
        rng = random.Random(20261205)
        for _ in range(5000):
            value = struct.unpack(">d", struct.pack(">Q", rng.getrandbits(64)))[0]
            if value != value or value in (float("inf"), float("-inf")):
                continue
            text = signer.ecmascript_number(value)
            self.assertEqual(float(text), value, text)
            magnitude = abs(value)
            exponent_form = "e" in text
            self.assertEqual(exponent_form, magnitude != 0 and (magnitude < 1e-6 or magnitude >= 1e21), text)


class Canonical(unittest.TestCase):
    def test_canonical_forms(self):
        for vector in VECTORS["canonical"]:
            with self.subTest(vector["name"]):
                self.assertEqual(signer.canonical(signer.parse_json(vector["input"])), vector["canonical"])

    def test_duplicate_keys_and_non_numbers_are_refused(self):
        self.assertRaises(ValueError, signer.parse_json, '{"a": 1, "a": 2}')
        self.assertRaises(ValueError, signer.parse_json, '{"a": NaN}')
        self.assertRaises(ValueError, signer.canonical, {"a": "\ud83d"})


class Signed(unittest.TestCase):
    def test_signed_envelopes(self):
        key = vector_key()
        self.assertEqual(signer.public_key_base64(key), VECTORS["key"]["public_key"])
        for vector in VECTORS["signed"]:
            with self.subTest(vector["name"]):
                envelope = signer.parse_json(vector["envelope"])
                self.assertEqual(signer.canonical(envelope), vector["canonical"])
                signed = signer.sign(key, envelope)
                self.assertEqual(signed["signature"], vector["signature"])
                self.assertEqual(signer.receipt(signed), vector["receipt"])
                key.public_key().verify(base64.b64decode(signed["signature"]), vector["canonical"].encode("utf-8"))


class CommandLine(unittest.TestCase):
    """The signer run as a program, with the vector key and an offer file in a temporary folder."""

    def setUp(self):
        self.folder = tempfile.TemporaryDirectory()
        self.key_file = self.write("b06.pem", VECTORS["key"]["private_key_pem"])

    def tearDown(self):
        self.folder.cleanup()

    def write(self, name, text):
        path = os.path.join(self.folder.name, name)
        with open(path, "w", encoding="utf-8") as f:
            f.write(text)
        return path

    def run_signer(self, offer_file, *more):
        return subprocess.run([sys.executable, os.path.join(HERE, "peergrid_signer.py"), "--key", self.key_file,
                               "--offer", offer_file] + list(more), capture_output=True, text=True, check=False)

    def test_the_command_line_prints_a_canonical_signed_envelope(self):
        offer_file = self.write("offer.json", '{"pv_kw": [0, 60, 80.0, 0], "load_kw": [20, 35.50, 4e1, 60]}')
        first = VECTORS["signed"][0]
        unsigned = signer.parse_json(first["envelope"])
        run = self.run_signer(offer_file, "--day", unsigned["day"], "--participant", unsigned["participant"],
                              "--nonce", unsigned["nonce"], "--timestamp", unsigned["timestamp"])
        self.assertEqual(run.returncode, 0, run.stderr)
        printed = run.stdout.strip()
        self.assertEqual(json.loads(printed)["signature"], first["signature"])
        self.assertEqual(hashlib.sha256(printed.encode("utf-8")).hexdigest(), first["receipt"])

    def test_input_mistakes_name_the_file(self):
        offer_file = self.write("offer.json", '{\n  "load_kw": [20, 35,\n}\n')
        run = self.run_signer(offer_file, "--day", "d1", "--participant", "B06")
        self.assertEqual(run.returncode, 1)
        self.assertIn(offer_file + ":3: not JSON", run.stderr)
        self.assertNotIn("Traceback", run.stderr)
        self.write("b06.pem", "not a key\n")
        run = self.run_signer(offer_file, "--day", "d1", "--participant", "B06")
        self.assertEqual(run.returncode, 1)
        self.assertIn(self.key_file + ": not a PEM private key", run.stderr)
        self.assertNotIn("Traceback", run.stderr)


if __name__ == "__main__":
    unittest.main()
