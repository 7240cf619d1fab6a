"""Checks the POM that goes to users (dist/paywire-<v>.pom): coordinates, a concrete version, and the
metadata Maven Central requires (name, description, url, licenses, scm, developers)."""

import sys
import xml.etree.ElementTree as ET

NS = {"m": "http://maven.apache.org/POM/4.0.0"}


def main() -> None:
    path, version = sys.argv[1], sys.argv[2]
    root = ET.parse(path).getroot()

    def text(xpath: str) -> str:
        node = root.find(xpath, NS)
        return (node.text or "").strip() if node is not None else ""

    expected = {"m:groupId": "dev.paywire", "m:artifactId": "paywire", "m:version": version}
    problems = [f"{k[2:]} is {text(k)!r}, not {v!r}" for k, v in expected.items() if text(k) != v]
    for required in ("m:name", "m:description", "m:url", "m:licenses/m:license/m:name", "m:scm/m:url",
                     "m:developers/m:developer/m:name"):
        if not text(required):
            problems.append(f"{required.replace('m:', '')} is missing")
    if len(root.findall("m:licenses/m:license", NS)) != 2:
        problems.append("expected two licenses (MIT, Apache-2.0)")
    if problems:
        sys.exit(f"check_pom: {path}: " + "; ".join(problems))
    print(f"  {path.rsplit('/', 1)[-1]}: dev.paywire:paywire:{version}, licenses, scm, developers")


if __name__ == "__main__":
    main()
