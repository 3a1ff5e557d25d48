"""The generalist's cache as processes meet it: two at once build it once; a kill during the build registers nothing; a damaged cache is rebuilt, not loaded.

The teacher here is a tiny random Llama saved as a model folder (the real one is converted in the notebooks and the web-chat test),
so each build takes about a second and these tests can kill it at will. The router's states of the cards' examples (35 s to
compute on the real teacher) are the checkout's shared ones, as in configs/tiny.yaml: a fresh runs folder per test would compute
them again before every build, and on a loaded machine that alone outlasted the tests' waits.
"""
import json, os, signal, subprocess, sys, time
from pathlib import Path
import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


@pytest.fixture(scope='module')
def teacher(tmp_path_factory):
    from snn_chat.convert import tiny_llama
    d = tmp_path_factory.mktemp('teacher')
    tiny_llama().save_pretrained(d)
    return d


def agent_cmd(teacher, tmp):
    cmd = [str(BIN / 'snn-agent'), '--json', '--task_description', 'Give this text a short title.', '--prompt', 'Spikes are cheap.']
    for o in [f'training.distillation.teacher_model={teacher}', f'generalist.cache_dir={tmp / "cache"}', f'paths.runs_dir={tmp / "runs"}',
              'generalist.max_new_tokens=4', 'generalist.calibration_windows=64',
              f'router.cache_dir={ROOT / "runs" / "router"}']:            # the router's states, shared as in configs/tiny.yaml
        cmd += ['--override_config', o]
    return cmd


def registered(tmp) -> list:
    f = tmp / 'runs' / 'model_registry.json'
    return json.loads(f.read_text()).get('generalist', []) if f.is_file() else []


def test_two_processes_build_it_once(teacher, tmp_path):
    procs = [subprocess.Popen(agent_cmd(teacher, tmp_path), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True) for _ in range(2)]
    outs = [p.communicate(timeout=300)[0] for p in procs]
    assert all(p.returncode == 0 for p in procs), outs
    assert sum(o.count('building the generalist') for o in outs) == 1, outs
    answers = [json.loads(o[o.index('{'):]) for o in outs]
    assert answers[0]['expert'] == answers[1]['expert'] and 'the generalist answers' in answers[0]['reason']
    assert len(registered(tmp_path)) == 1                                   # registered once, not twice


def test_kill_during_build_registers_nothing(teacher, tmp_path):
    cache = tmp_path / 'cache'
    p = subprocess.Popen(agent_cmd(teacher, tmp_path), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    deadline = time.monotonic() + 120
    while not (cache.is_dir() and any(f.name.startswith('.') and '.tmp-' in f.name for f in cache.iterdir())):   # the staging folder
        assert p.poll() is None and time.monotonic() < deadline, p.stdout.read()
        time.sleep(0.002)
    p.send_signal(signal.SIGKILL); p.wait()
    assert registered(tmp_path) == []
    assert not [f for f in cache.iterdir() if not f.name.startswith('.') and not f.name.endswith('.lock')]     # no folder to be mistaken for a model
    r = subprocess.run(agent_cmd(teacher, tmp_path), cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0 and 'building the generalist' in r.stdout + r.stderr, r.stderr
    assert len(registered(tmp_path)) == 1


def test_damaged_cache_is_rebuilt(teacher, tmp_path):
    r = subprocess.run(agent_cmd(teacher, tmp_path), cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    (weights,) = (tmp_path / 'cache').glob('*/model/model.safetensors')
    os.truncate(weights, weights.stat().st_size // 2)
    r = subprocess.run(agent_cmd(teacher, tmp_path), cwd=ROOT, capture_output=True, text=True, timeout=300)
    out = r.stdout + r.stderr
    assert r.returncode == 0, out
    assert 'is damaged' in out and 'built again' in out and 'building the generalist' in out, out
    assert json.loads(r.stdout[r.stdout.index('{'):])['text'] is not None
