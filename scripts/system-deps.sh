#!/usr/bin/env bash
# Debian packages the test suite needs: Chromium for the browser tests, a Times-compatible
# serif with full Vietnamese diacritics for the printed forms (Liberation 2.x: Debian 12's
# fonts-liberation is 1.07 and lacks letters such as Ộ and ệ; on Debian 13 fonts-liberation
# is 2.x already and fonts-liberation2 is a transitional name). Installed when root; otherwise
# we stop and name the one command to run. Tesseract with its Vietnamese data does the OCR of
# scans digitised at reception (motcua.certify).
# `--runtime` (make install / make run): only what the running application needs (printing, OCR).
set -euo pipefail
packages=(fonts-liberation fonts-liberation2 tesseract-ocr tesseract-ocr-vie)
[ "${1:-}" = "--runtime" ] || packages=(chromium "${packages[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
  echo "Cài gói hệ thống còn thiếu: ${missing[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
else
  echo "Thiếu gói hệ thống: ${missing[*]}. Chạy lệnh sau rồi chạy lại lệnh make:" >&2
  echo "  sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
