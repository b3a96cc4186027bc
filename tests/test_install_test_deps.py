"""scripts/install-test-deps.sh: installs only what is missing, and says in one sentence when it cannot.

The real installation is what CI does on a fresh machine (.ci/run). Here the script runs with a PATH
of stand-ins (``id`` says who we are, ``apt-get`` records its arguments) and without java, so that a
test never installs packages on the machine it runs on.
"""

import shutil
import subprocess
import sys
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "install-test-deps.sh"


def toolbox(folder: Path, *, uid: int, apt: bool) -> Path:
    """A PATH with python3, grep, an ``id`` that answers ``uid``, no java, no sudo, a recording apt-get."""
    folder.mkdir()
    (folder / "python3").symlink_to(sys.executable)
    (folder / "grep").symlink_to(shutil.which("grep"))
    (folder / "id").write_text(f"#!/bin/sh\necho {uid}\n")
    if apt:
        (folder / "apt-get").write_text(f'#!/bin/sh\necho "$@" >> {folder}/apt-calls\n')
    for tool in folder.iterdir():
        tool.chmod(0o755)
    return folder


def run(path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["/bin/bash", str(SCRIPT)], capture_output=True, text=True, env={"PATH": str(path)},
                          timeout=60, check=False)


def test_nothing_missing_installs_nothing():
    result = subprocess.run(["/bin/bash", str(SCRIPT)], capture_output=True, text=True, timeout=60, check=False)
    assert result.returncode == 0 and result.stderr == ""


def test_as_root_it_installs_only_what_is_missing(tmp_path):
    bin_dir = toolbox(tmp_path / "bin", uid=0, apt=True)
    result = run(bin_dir)
    assert result.returncode == 0, result.stderr
    assert (bin_dir / "apt-calls").read_text().splitlines() == ["update -qq", "install -y -qq openjdk-17-jre-headless"]


def test_without_root_it_says_what_to_install_in_one_sentence(tmp_path):
    bin_dir = toolbox(tmp_path / "bin", uid=1000, apt=True)
    result = run(bin_dir)
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        "The tests need openjdk-17-jre-headless: run 'sudo apt-get install -y openjdk-17-jre-headless' "
        "(or run this script as root)."]
    assert not (bin_dir / "apt-calls").exists()


def test_without_apt_it_says_so(tmp_path):
    result = run(toolbox(tmp_path / "bin", uid=0, apt=False))
    assert result.returncode == 1 and "has no apt-get" in result.stderr and len(result.stderr.splitlines()) == 1


def test_an_old_python_is_named(tmp_path):
    bin_dir = toolbox(tmp_path / "bin", uid=0, apt=True)
    (bin_dir / "python3").unlink()
    (bin_dir / "python3").write_text("#!/bin/sh\n[ \"$1\" = -c ] && case \"$2\" in *platform*) echo 3.9.2;; "
                                     "*) exit 1;; esac\n")
    (bin_dir / "python3").chmod(0o755)
    result = run(bin_dir)
    assert result.returncode == 1
    assert result.stderr.strip() == "The tests need Python 3.11 or newer; 'python3' is 3.9.2."
