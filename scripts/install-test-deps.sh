#!/usr/bin/env bash
# Install what the tests need besides Python packages, when it is missing, so that the README's test
# command works on a fresh Debian machine: Java for the HermiT reasoner (openjdk-17-jre-headless),
# Chromium for the browser tests (chromium, at /usr/bin/chromium), the C library Playwright's driver
# needs (libatomic1, absent from minimal images) and venv support for python3 (python3-venv: Debian's
# python3 cannot create a virtual environment without it).
# With apt-get as root (or passwordless sudo) it installs them; otherwise it says in one sentence
# what to install and exits 1. Nothing is installed when everything is there already.
set -euo pipefail

python="${PYTHON:-python3}"
if ! command -v "$python" >/dev/null 2>&1; then
    echo "The tests need Python 3.11 or newer as '$python': install it (Debian: apt-get install python3)." >&2
    exit 1
fi
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "The tests need Python 3.11 or newer; '$python' is $("$python" -c 'import platform; print(platform.python_version())')." >&2
    exit 1
fi

# grep reads everything (no -q): an early exit would make ldconfig fail on SIGPIPE under pipefail.
has_library() { { ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null; } | grep -F "$1" >/dev/null; }

missing=()
command -v java >/dev/null 2>&1 || missing+=(openjdk-17-jre-headless)
[ -x /usr/bin/chromium ] || missing+=(chromium)
has_library libatomic.so.1 || missing+=(libatomic1)
"$python" -c 'import ensurepip, venv' >/dev/null 2>&1 || missing+=(python3-venv)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null 2>&1; then
    echo "The tests need ${missing[*]} (Java 17, Chromium at /usr/bin/chromium, libatomic, Python venv support) and this" \
         "machine has no apt-get: install them with its package manager." >&2
    exit 1
fi
if [ "$(id -u)" = 0 ]; then
    apt=(apt-get)
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    apt=(sudo apt-get)
else
    echo "The tests need ${missing[*]}: run 'sudo apt-get install -y ${missing[*]}' (or run this script as root)." >&2
    exit 1
fi

echo "Installing ${missing[*]} with apt-get (needed by the reasoner and browser tests)..." >&2
"${apt[@]}" update -qq
DEBIAN_FRONTEND=noninteractive "${apt[@]}" install -y -qq "${missing[@]}" >/dev/null
