"""Faults found by the fault and bad-input probe: concurrent learners, broken experts, braces and bytes that are not UTF-8
in user text, and registries of the wrong shape. Real `snn-agent` processes, the real teacher, a tiny student."""
import json, os, subprocess, sys
from pathlib import Path

from test_agent import ROOT, TINY

BIN = Path(sys.executable).parent
ONE_THREAD = {**os.environ, 'OMP_NUM_THREADS': '1', 'MKL_NUM_THREADS': '1'}     # two processes share the 2 cores


def cmd(runs, *args, last=()):
    c = [str(BIN / 'snn-agent'), '--json', *(a if isinstance(a, bytes) else str(a) for a in args), '--config', 'tiny',
         '--override_config', f'paths.runs_dir={runs}']
    for o in [*TINY, *last]: c += ['--override_config', o]
    return c


def agent(runs, *args, stdin=None, last=()):
    return subprocess.run(cmd(runs, *args, last=last), cwd=ROOT, capture_output=True, timeout=600, input=stdin, env=ONE_THREAD)


def together(runs, *args):
    "Two snn-agent processes started at once; their (returncode, stdout, stderr)."
    ps = [subprocess.Popen(cmd(runs, *args), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=ONE_THREAD) for _ in range(2)]
    return [(p.returncode, out.decode(), err.decode()) for p in ps for out, err in [p.communicate(timeout=900)]]


def reviews(path, n=40):
    lines = [json.loads(l) for l in (ROOT / 'data' / 'reviews.jsonl').read_text(encoding='utf-8').splitlines()]
    path.write_text('\n'.join(json.dumps(x, ensure_ascii=False) for x in lines[::len(lines) // n][:n]), encoding='utf-8')
    return path


def registry(runs): return json.loads((Path(runs) / 'model_registry.json').read_text(encoding='utf-8'))


def memory(runs): return [json.loads(l) for l in (Path(runs) / 'agent_memory.jsonl').read_text(encoding='utf-8').splitlines()]


def test_concurrent_learners_then_broken_experts(tmp_path):
    data = reviews(tmp_path / 'reviews.jsonl')
    ask = ('--task_description', '感情分析', '--prompt', 'この映画は本当に素晴らしかった！', '--unlabeled_data_path', data)
    # item 1: two processes that need the same expert learn it once; the second waits and reuses it
    runs = [json.loads(out) for code, out, err in together(tmp_path, *ask) if code == 0 or print(err[-3000:])]
    assert len(runs) == 2
    assert sorted(r['learned'] for r in runs) == [False, True] and runs[0]['expert'] == runs[1]['expert']
    assert 'learned by another process while this one waited' in next(r['reason'] for r in runs if not r['learned'])
    assert len(registry(tmp_path)['sentiment']) == 1
    # ... and two forced runs at once learn into folders of their own, each with its own, unmixed metrics
    forced = together(tmp_path, *ask, '--force_retrain')
    assert all(code == 0 for code, _, _ in forced), [err[-2000:] for _, _, err in forced]
    paths = [e['model_path'] for e in registry(tmp_path)['sentiment']]
    assert len(paths) == 3 and len(set(paths)) == 3
    for p in paths:
        epochs = [json.loads(l)['epoch'] for l in (Path(p).parent / 'metrics.jsonl').read_text().splitlines()]
        assert epochs == sorted(epochs) and len(epochs) == len(set(epochs)), epochs
    # item 2: a corrupted expert is marked unusable, and the agent falls back to the next one, saying so
    chosen = json.loads(agent(tmp_path, *ask).stdout)['expert']       # the one it picks now, of three (not always the first)
    with open(Path(chosen) / 'model.safetensors', 'r+b') as f: f.truncate(5000)
    r = agent(tmp_path, *ask)
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    a = json.loads(r.stdout)
    assert a['expert'] != chosen and not a['learned'] and 'could not be loaded' in a['reason']
    broken = next(e for e in registry(tmp_path)['sentiment'] if e['model_path'] == chosen)
    assert broken['metrics']['usable'] is False and 'could not be loaded' in broken['metrics']['broken']
    assert any(e['event_type'] == 'ERROR' and e['details'].get('action') == 'marked unusable' for e in memory(tmp_path))
    # ... and when every expert is broken, it learns a new one
    for e in registry(tmp_path)['sentiment']: (Path(e['model_path']) / 'model.safetensors').write_bytes(b'not a model')
    r = agent(tmp_path, *ask)
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    assert json.loads(r.stdout)['learned'] and b'marked unusable' in r.stderr
    assert len(registry(tmp_path)['sentiment']) == 4


def test_braces_in_a_task_description_are_text(tmp_path):
    "item 4: user text is data, never a format string (KeyError: 'lang' and IndexError before)"
    r = agent(tmp_path, '--task_description', 'Translate this into {lang}', '--prompt', 'hello')
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    assert json.loads(r.stdout)['text']
    r = agent(tmp_path, '--task_description', 'Rewrite as {}', '--prompt', 'a {b} c', '--force_retrain',
              '--unlabeled_data_path', reviews(tmp_path / 'few.jsonl', 12), last=['agent.teacher_max_new_tokens=4', 'agent.max_new_tokens=4'])
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    assert json.loads(r.stdout)['learned']


def test_bytes_that_are_not_utf8_are_replaced_and_reported(tmp_path):
    "item 5: a prompt or task description with bytes that are not UTF-8 (UnicodeEncodeError in memory logging before)"
    r = agent(tmp_path, '--task_description', '雑談', '--prompt', b'caf\xe9')
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    assert b'replaced by U+FFFD' in r.stderr
    r = agent(tmp_path, '--task_description', b'\xff\xfe', '--prompt', '-', stdin=b'good \xff bad')
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    text = (tmp_path / 'agent_memory.jsonl').read_bytes().decode('utf-8')         # the log stays UTF-8
    assert 'caf\ufffd' in text and 'good \ufffd bad' in text


def test_a_registry_of_the_wrong_shape_is_a_clear_error(tmp_path):
    "item 7: valid JSON of the wrong shape, or not UTF-8 (TypeError, AttributeError, UnicodeDecodeError before)"
    for content, msg in [(b'{"sentiment": "x"}', b'must map to a list of experts'), (b'{"sentiment": [1]}', b'must map to a list of experts'),
                         (b'[]', b'expected an object'), (b'{"sentiment": "\xff"}', b'is not UTF-8 text')]:
        (tmp_path / 'model_registry.json').write_bytes(content)
        r = agent(tmp_path, '--task_description', '感情分析', '--prompt', 'ok')
        assert r.returncode == 2 and msg in r.stderr and b'Traceback' not in r.stderr, r.stderr[-2000:]
        assert (tmp_path / 'model_registry.json').read_bytes() == content              # left as it was, for the user to look at


def test_a_damaged_vector_store_is_rebuilt(tmp_path):
    "item 3: a corrupted store crashed snn-planner, and snn-build-kb crashed the same way"
    def run(command, *args):
        argv = [str(BIN / command), *args, '--config', 'tiny', '--override_config', f'paths.runs_dir={tmp_path}']
        for o in [*TINY, 'generalist.max_new_tokens=16']: argv += ['--override_config', o]
        return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=600, env=ONE_THREAD)
    store = tmp_path / 'vector_store'
    assert run('snn-build-kb').returncode == 0
    (store / 'vectors.npy').write_bytes((store / 'vectors.npy').read_bytes()[:500])
    r = run('snn-build-kb')
    assert r.returncode == 0 and 'is damaged' in r.stdout + r.stderr and 'Traceback' not in r.stderr, r.stderr[-3000:]
    (store / 'chunks.jsonl').write_bytes(os.urandom(2000))
    r = run('snn-planner', '--task_request', 'How is energy measured?', '--json')
    assert r.returncode == 0, r.stderr[-3000:]
    assert 'building it again' in r.stderr + r.stdout.split('\n{')[0]
    assert json.loads(r.stdout[r.stdout.index('{'):])['steps'][0]['sources']


def test_litter_of_killed_processes_is_swept(tmp_path):
    "item 9: staging folders of dead processes, a half-made teacher copy and unregistered old expert folders were never removed"
    dead = subprocess.Popen([sys.executable, '-c', 'pass']); dead.wait()
    litter = [tmp_path / 'experts' / 'sentiment' / f'.last.tmp-{dead.pid}', tmp_path / f'.vector_store.tmp-{dead.pid}',
              ROOT / 'runs' / 'teacher_cache' / f'.SmolLM2-135M-Instruct.Q4_1-0.tmp-{dead.pid}']
    for p in litter: p.mkdir(parents=True); (p / 'model.safetensors').write_bytes(b'x' * 1000)
    orphan = tmp_path / 'experts' / 'sentiment' / '20260101-000000'
    (orphan / 'last').mkdir(parents=True); (orphan / 'metrics.jsonl').write_text('{}')
    for f in [orphan / 'metrics.jsonl', orphan / 'last']: os.utime(f, (1e9, 1e9))
    r = agent(tmp_path, '--task_description', '雑談', '--prompt', 'hi')
    assert r.returncode == 0, r.stderr.decode()[-3000:]
    assert not any(p.exists() for p in [*litter, orphan]), [p for p in [*litter, orphan] if p.exists()]
    said = (r.stdout + r.stderr).decode()
    assert 'removed what killed processes left' in said and str(orphan) in said
