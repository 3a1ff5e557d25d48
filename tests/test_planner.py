"""`snn-build-kb` and `snn-planner` as a user runs them, with the real teacher and embedding model (tiny experts)."""
import json, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TINY = ['agent.expert_steps=10']   # over configs/tiny.yaml


def run(cmd, runs, *args):
    argv = [str(BIN / cmd), *args, '--config', 'tiny', '--override_config', f'paths.runs_dir={runs}']
    for o in TINY: argv += ['--override_config', o]
    return subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=600)


def test_build_kb_then_plan(tmp_path):
    r = run('snn-build-kb', tmp_path)
    assert r.returncode == 0, r.stderr[-3000:]
    manifest = json.loads((tmp_path / 'vector_store' / 'manifest.json').read_text())
    assert 'doc/energy.md' in manifest['sources'] and 'doc/ja/energy.md' in manifest['sources']
    r = run('snn-build-kb', tmp_path, '--query', 'エネルギーはどうやって数えるのですか？', '--json')
    assert r.returncode == 0 and json.loads(r.stdout)[0]['source'] == 'doc/ja/energy.md', r.stdout + r.stderr[-2000:]

    r = run('snn-planner', tmp_path, '--task_request', 'この記事を要約して、その内容の感情を分析してください。',
            '--context_data', 'SNNは非常にエネルギー効率が高いことで知られているが、その性能はまだANNに及ばない点もある。')
    assert r.returncode == 0, r.stderr[-3000:]
    assert 'plan: 1. summarization ← context → 2. sentiment ← previous' in r.stdout, r.stdout
    assert 'step 1 [summarization]' in r.stdout and 'step 2 [sentiment]' in r.stdout and 'µJ' in r.stdout

    # a question: the generalist answers from the passages that bear on it, citing them
    r = run('snn-planner', tmp_path, '--task_request', 'Explain how checkpoints survive a kill.', '--json')
    assert r.returncode == 0, r.stderr[-3000:]
    (step,) = json.loads(r.stdout)['steps']
    assert step['sources'] and step['sources'][0].endswith('training.md'), step
    assert '/generalist/' in step['expert'] and 'Sources: [1] doc/' in step['output'] and step['energy']['spikes'] > 0, step
    r = run('snn-planner', tmp_path, '--task_request', 'Translate this text into French.', '--context_data', 'Spikes save energy.', '--json')
    assert r.returncode == 0, r.stderr[-3000:]
    (step,) = json.loads(r.stdout)['steps']
    assert step['step']['kind'] == 'generative' and '/generalist/' in step['expert'] and step['output'].strip(), step   # no specialist
    events = [json.loads(l)['event_type'] for l in (tmp_path / 'agent_memory.jsonl').read_text().splitlines()]
    assert events.count('PLAN_CREATED') == 3 and 'RAG_SEARCH' in events
