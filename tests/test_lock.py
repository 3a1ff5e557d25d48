"""`make setup` installs what requirements-lock.txt says: every locked package is installed at its locked version.

The lock is `pip freeze` of the environment CI last passed with (`make lock` writes it; torch is left out, so a
user's own build is kept). A package that drifted means the set-up did not use the lock, or the lock is stale."""
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def locked() -> dict:
    rows = [l.split('#')[0].strip() for l in (ROOT/'requirements-lock.txt').read_text(encoding='utf-8').splitlines()]
    return dict(r.split('==', 1) for r in rows if r)


def test_installed_versions_are_the_locked_ones():
    def installed(name):
        try: return metadata.version(name)
        except metadata.PackageNotFoundError: return None
    drift = {name: (want, installed(name)) for name, want in locked().items() if installed(name) != want}
    assert not drift, f"installed versions differ from requirements-lock.txt (locked, installed): {drift}"


def test_every_requirement_is_locked():
    import configparser, re, shlex
    ini = configparser.ConfigParser(delimiters=['=']); ini.read(ROOT/'settings.ini', encoding='utf-8')
    names = [re.split(r'[<>=!~\[;]', r)[0] for key in ('requirements', 'dev_requirements')
             for r in shlex.split(ini['DEFAULT'][key])]
    norm = lambda n: re.sub(r'[-_.]+', '-', n).lower()
    have = {norm(n) for n in locked()}
    assert not [n for n in names if norm(n) not in have], "requirements missing from requirements-lock.txt"
    assert 'torch' not in have, "torch stays out of the lock (a user's own build is kept)"
