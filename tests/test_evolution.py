"""snn-evolve end to end: real papermill runs of nbs/pipelines/benchmark.ipynb with the real teacher on a few texts.

The student is tiny (a few training steps), so each cycle takes seconds; the `--initial_*` figures
decide whether a cycle can improve, so the tests do not depend on what a tiny student happens to learn.
"""
import json, os, signal, subprocess, sys, time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

TINY = """# A tiny config for the evolution tests: laid over configs/base_config.yaml.
agent:
  expert_steps: 4       # a few steps: the test is of the loop, not of learning
  expert_batch_size: 4
  min_accuracy: 0.0
  refuse_unusable: false  # a tiny expert may be no better than the majority: the test is of the loop

# the student
data:
  max_seq_len: 32       # short texts
model:
  d_model: 32           # a tiny student
  n_layers: 1
  n_heads: 2
  d_ff: 64
  time_steps: 2         # steps per token
student:
  d_model: 32
  d_ff: 32
  dilations: [1]
  time_steps: 2
  encoder: none         # no pre-distilled encoder: the loop, not the expert
training:
  distillation:
    script_teachers: {cjk: ''}  # the default teacher labels every script here
"""


def setup(tmp):
    conf = tmp / 'tiny.yaml'
    conf.write_text(TINY, encoding='utf-8')
    lines = (ROOT / 'data' / 'reviews.jsonl').read_text(encoding='utf-8').splitlines()
    (tmp / 'data.jsonl').write_text('\n'.join(lines[:24:2] + lines[-16::2]) + '\n', encoding='utf-8')
    return conf


def cmd(tmp, *args):
    return [str(BIN / 'snn-evolve'), '--task_description', '感情分析', '--config', str(tmp / 'tiny.yaml'),
            '--unlabeled_data_path', str(tmp / 'data.jsonl'), '--override_config', f'paths.runs_dir={tmp / "runs"}', *args]


def evolve(tmp, *args):
    r = subprocess.run(cmd(tmp, *args), capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout + r.stderr


def history(tmp): return json.loads((tmp / 'runs' / 'evolution' / 'history.json').read_text())
def events(tmp): return [json.loads(l)['event_type'] for l in (tmp / 'runs' / 'agent_memory.jsonl').read_text().splitlines()]
def registry(tmp): return json.loads((tmp / 'runs' / 'model_registry.json').read_text()) if (tmp / 'runs' / 'model_registry.json').exists() else {}


def test_kept_cycle_registers_and_keeps_comments(tmp_path):
    """Against a poor starting point any working expert is better: the change is kept, its expert registered."""
    conf = setup(tmp_path)
    log = evolve(tmp_path, '--initial_accuracy', '0.0', '--initial_spikes', '1e9')
    (row,) = history(tmp_path)
    assert row['decision'] == 'kept', log
    new = conf.read_text(encoding='utf-8')
    assert new != TINY
    comments = [l.split('#', 1)[1] for l in TINY.splitlines() if '#' in l]
    assert all(c in new for c in comments)                                   # every comment survives
    want = yaml.safe_load(TINY); k = row['key'].split('.')
    d = want
    for p in k[:-1]: d = d.setdefault(p, {})
    d[k[-1]] = row['new']
    assert yaml.safe_load(new) == want                                       # exactly one key changed
    assert (tmp_path / 'tiny.yaml.bak').read_text(encoding='utf-8') == TINY          # the copy from before the change
    (entry,) = registry(tmp_path)['sentiment']
    assert entry['model_path'] == row['model_path'] and entry['evolution']['cycle'] == 1
    assert Path(row['notebook']).exists()                                    # the executed benchmark notebook is kept
    assert events(tmp_path).count('EVOLUTION_KEPT') == 1 and 'EVOLUTION_APPLIED' in events(tmp_path)
    assert '| 1 | `' in log and 'kept |' in log and (tmp_path / 'runs' / 'evolution' / 'cycles-sentiment.png').exists()


def test_reverted_cycle_restores_file_byte_for_byte(tmp_path):
    """Nothing beats a perfect start: the change is measured, rejected, and the file restored exactly."""
    conf = setup(tmp_path)
    before = conf.read_bytes()
    log = evolve(tmp_path, '--initial_accuracy', '1.0', '--initial_spikes', '0')
    (row,) = history(tmp_path)
    assert row['decision'] == 'reverted' and row['after']['accuracy'] is not None, log
    assert conf.read_bytes() == before
    assert 'sentiment' not in registry(tmp_path)
    assert events(tmp_path)[-1] == 'EVOLUTION_REVERTED'
    # a second run proposes something else: a rejected value is never tried again
    evolve(tmp_path, '--initial_accuracy', '1.0', '--initial_spikes', '0')
    rows = history(tmp_path)
    assert (rows[1]['key'], rows[1]['new']) != (rows[0]['key'], rows[0]['new'])
    assert conf.read_bytes() == before


def test_kill_during_verify_then_next_start_restores(tmp_path):
    """kill -9 (the whole process group, papermill's kernel included) while the benchmark runs; the next start restores."""
    conf = setup(tmp_path)
    before = conf.read_bytes()
    journal = tmp_path / 'runs' / 'evolution' / 'journal.json'
    p = subprocess.Popen(cmd(tmp_path, '--initial_accuracy', '0.0', '--initial_spikes', '1e9'), cwd=ROOT,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            if journal.exists() and json.loads(journal.read_text()).get('state') == 'verifying': break
            assert p.poll() is None, 'snn-evolve ended before verifying'
            time.sleep(0.05)
        else: raise AssertionError('never reached verify')
        time.sleep(1.0)                                                     # papermill is running the notebook now
    finally:
        os.killpg(p.pid, signal.SIGKILL); p.wait()
    assert conf.read_bytes() != before                                      # killed with the config edited
    log = evolve(tmp_path, '--cycles', '0')                                 # the next start
    assert conf.read_bytes() == before
    assert not journal.exists()
    (row,) = history(tmp_path)
    assert row['decision'] == 'interrupted', log
    assert events(tmp_path)[-1] == 'EVOLUTION_REVERTED'
