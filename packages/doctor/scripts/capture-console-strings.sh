#!/usr/bin/env bash
# Captures the CORS console strings of the Firefox and WebKit installed here (Debian packages
# firefox-esr and libwebkit2gtk-4.1-0) into test/fixtures, for the `corsica explain` tests:
# - Firefox: the CORS lines of its en-US security.properties, read out of omni.ja;
# - WebKit: the CORS fragments its console messages are built from, read out of the library
#   (WebKit assembles "Origin " + origin + " is not allowed by Access-Control-Allow-Origin." etc.).
# Usage: bash scripts/capture-console-strings.sh   (from packages/doctor)
set -euo pipefail
out=test/fixtures
ff_version=$(dpkg-query -W -f '${Version}' firefox-esr)
wk_version=$(dpkg-query -W -f '${Version}' libwebkit2gtk-4.1-0)
wk_lib=$(dpkg -L libwebkit2gtk-4.1-0 | grep -E '/libwebkit2gtk-4\.1\.so\.0\.[0-9.]+$' | head -1)

{
  echo "# Firefox ESR ${ff_version} (Debian firefox-esr), chrome/en-US/locale/en-US/global/security/security.properties, CORS lines"
  python3 - <<'PY'
import zipfile
z = zipfile.ZipFile('/usr/lib/firefox-esr/omni.ja')
text = z.read('chrome/en-US/locale/en-US/global/security/security.properties').decode('utf-8')
for line in text.splitlines():
    if line.startswith('CORS'):
        print(line)
PY
} > "$out/firefox-security.properties"

{
  echo "# WebKitGTK ${wk_version} (Debian libwebkit2gtk-4.1-0), CORS console fragments from strings(1) of ${wk_lib##*/}"
  strings -n 6 "$wk_lib" | grep -E \
    -e '^Origin $' -e '^Request header field $' -e '^Method $' \
    -e '^ is not allowed by Access-Control-Allow-(Origin|Headers|Methods)\.$' \
    -e '^Preflight response is not successful\. Status code: $' \
    -e '^Cannot use wildcard in Access-Control-Allow-Origin when credentials flag is true\.$' \
    -e '^Credentials flag is true, but Access-Control-Allow-Credentials is not "true"\.$' \
    -e '^Access-Control-Allow-Origin cannot contain more than one origin\.$' \
    -e '^Header Access-Control-Allow-(Headers|Methods) has an invalid value: $' \
    -e '^Redirection to URL with a scheme that is not HTTP\(S\)$' \
    -e '^(Fetch API|XMLHttpRequest) cannot load $' -e '^ due to access control checks\.$' \
    | sort -u
} > "$out/webkit-cors-strings.txt"
echo "wrote $out/firefox-security.properties and $out/webkit-cors-strings.txt"
