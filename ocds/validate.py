#!/usr/bin/env python3
"""Validates an OCDS release or record package from the Civitas chain, offline.

    python3 ocds/validate.py PACKAGE.json

Checks the package twice, with the `jsonschema` library (Draft 4, as OCDS
is written):

1. against the official OCDS 1.1.5 schemas in ocds/standard-1.1.5; every
   field the schemas do not declare is listed (the extension's fields);
2. against those schemas with the Civitas extension (ocds/extension)
   merged in as a JSON Merge Patch, the way OCDS tools apply extensions;
   here no field may be left undeclared.

Prints what it checked and exits 0 if both pass; prints every error and
exits 1 otherwise.
"""

import copy
import json
import os
import sys
import warnings
from urllib.parse import urldefrag, urljoin

import jsonschema

HERE = os.path.dirname(os.path.abspath(__file__))
STANDARD = os.path.join(HERE, "standard-1.1.5")
EXTENSION = os.path.join(HERE, "extension")
RELEASE_URL = "https://standard.open-contracting.org/schema/1__1__5/release-schema.json"


def load(path):
    with open(path, encoding="utf-8") as file:
        return json.load(file)


def merge_patch(target, patch):
    """RFC 7386 JSON Merge Patch: how OCDS applies an extension's schema."""
    if not isinstance(patch, dict):
        return copy.deepcopy(patch)
    result = copy.deepcopy(target) if isinstance(target, dict) else {}
    for key, value in patch.items():
        if value is None:
            result.pop(key, None)
        else:
            result[key] = merge_patch(result.get(key), value)
    return result


def resolver_at(base, store):
    """A resolver whose relative references start at `base`; it finds every
    schema in `store` (the local copies), never online."""
    with warnings.catch_warnings():
        # RefResolver is deprecated in newer jsonschema releases but is the
        # one API both Debian 12's (4.10) and current releases offer.
        warnings.simplefilter("ignore", DeprecationWarning)
        return jsonschema.RefResolver(base, store[base], store=store)


def undeclared(instance, schema, base, store, path="$"):
    """Fields of `instance` that `schema` (a part of the schema at URL
    `base`) does not declare.

    References are resolved to absolute URLs here, and each alternative of a
    `oneOf` is tried with a fresh resolver, so no resolver's scope carries
    over from one branch to another.
    Objects whose schema lists no properties (free-form, like an
    organisation's `details`) are not looked into.
    """
    if "$ref" in schema:
        url = urljoin(base, schema["$ref"])
        document_url, fragment = urldefrag(url)
        resolved = resolver_at(document_url, store).resolve_fragment(store[document_url], fragment)
        return undeclared(instance, resolved, document_url, store, path)
    for keyword in ("oneOf", "anyOf"):
        for alternative in schema.get(keyword, []):
            if jsonschema.Draft4Validator(alternative, resolver=resolver_at(base, store)).is_valid(instance):
                return undeclared(instance, alternative, base, store, path)
    found = []
    if isinstance(instance, dict) and "properties" in schema:
        for key, value in instance.items():
            if key in schema["properties"]:
                found += undeclared(value, schema["properties"][key], base, store, f"{path}.{key}")
            else:
                found.append(f"{path}.{key}")
    elif isinstance(instance, list) and isinstance(schema.get("items"), dict):
        for index, item in enumerate(instance):
            found += undeclared(item, schema["items"], base, store, f"{path}[{index}]")
    return found


def brief(error):
    """The error's message, without the list of a whole codelist."""
    if error.validator == "enum":
        return f"{error.instance!r} is not in the codelist ({len(error.validator_value)} codes)"
    return error.message


def check(package, release_schema):
    """Schema errors and undeclared fields of `package`."""
    kind = "record-package" if "records" in package else "release-package"
    package_schema = load(os.path.join(STANDARD, f"{kind}-schema.json"))
    store = {RELEASE_URL: release_schema, package_schema["id"]: package_schema}
    validator = jsonschema.Draft4Validator(package_schema, resolver=resolver_at(package_schema["id"], store))
    errors = [
        f"{'/'.join(str(part) for part in error.absolute_path) or '(package)'}: {brief(error)}"
        for error in sorted(validator.iter_errors(package), key=lambda error: list(error.absolute_path))
    ]
    return kind, errors, undeclared(package, package_schema, package_schema["id"], store)


def main(argv):
    if len(argv) != 2:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    package = load(argv[1])
    core = load(os.path.join(STANDARD, "release-schema.json"))
    extended = merge_patch(core, load(os.path.join(EXTENSION, "release-schema.json")))
    failed = False

    kind, errors, extra = check(package, core)
    count = len(package.get("releases", package.get("records", [])))
    if errors:
        failed = True
        print(f"INVALID {kind} against OCDS 1.1.5:")
        print("\n".join(f"  {error}" for error in errors))
    else:
        print(f"valid {kind} ({count} {'records' if 'records' in package else 'releases'}) against OCDS 1.1.5")
        print(f"  {len(extra)} fields outside the standard (the extension's)")

    _, errors, extra = check(package, extended)
    if errors:
        failed = True
        print(f"INVALID {kind} against OCDS 1.1.5 with the Civitas extension:")
        print("\n".join(f"  {error}" for error in errors))
    elif extra:
        failed = True
        print("fields declared neither by OCDS 1.1.5 nor by the Civitas extension:")
        print("\n".join(f"  {field}" for field in extra[:50]))
    else:
        print(f"valid {kind} against OCDS 1.1.5 with the Civitas extension; every field declared")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
