"""`snn-agent` end to end with the real default teacher: learn on first call, reuse from a second process."""
import json, subprocess, sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TINY = ['agent.expert_steps=10']   # over configs/tiny.yaml (a tiny expert): this test checks the flow, not the expert's quality


def agent(runs, *args, stdin=None, last=()):
    "snn-agent with the tiny expert; `last`: overrides laid over TINY."
    cmd = [str(BIN / 'snn-agent'), '--json', *args, '--config', 'tiny', '--override_config', f'paths.runs_dir={runs}']
    for o in [*TINY, *last]: cmd += ['--override_config', o]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, timeout=600, input=stdin)


def events(runs):
    return [json.loads(l)['event_type'] for l in (Path(runs) / 'agent_memory.jsonl').read_text().splitlines()]


def test_learn_register_select_answer_then_reuse(tmp_path):
    data = tmp_path / 'unlabeled.jsonl'
    lines = [json.loads(l) for l in (ROOT / 'data' / 'reviews.jsonl').read_text(encoding='utf-8').splitlines()]
    data.write_text('\n'.join(json.dumps(x, ensure_ascii=False) for x in lines[::30]), encoding='utf-8')   # a few reviews
    r = agent(tmp_path, '--task_description', '感情分析', '--prompt', 'この映画は本当に素晴らしかった！', '--unlabeled_data_path', str(data))
    assert r.returncode == 0, r.stderr[-3000:]
    first = json.loads(r.stdout)
    assert first['task'] == 'sentiment' and first['learned'] and first['text'] in ('positive', 'negative')
    assert first['energy']['spikes'] > 0 and 0 < first['energy']['energy_uj'] < first['energy']['ann_energy_uj']
    reg = json.loads((tmp_path / 'model_registry.json').read_text())
    (entry,) = reg['sentiment']
    assert entry['model_path'] == first['expert'] and entry['teacher'] == 'smollm2-135m-instruct'
    for k in ('accuracy', 'avg_latency_ms', 'avg_spikes_per_sample', 'energy_uj', 'ann_energy_uj'): assert k in entry['metrics']
    # the teacher's targets, kept where configs/tiny.yaml shares them between runs folders (agent.targets_dir)
    stores = [json.loads(p.read_text()) for p in (ROOT / 'runs' / 'precomputed' / 'sentiment').glob('*/store.json')]
    assert any(s['meta']['teacher'] == 'smollm2-135m-instruct' and s['meta']['data_hash'] == entry['data_hash'] for s in stores)
    assert events(tmp_path) == ['TASK_RECEIVED', 'TRAINING_STARTED', 'TRAINING_COMPLETED', 'MODEL_SELECTED', 'ANSWER']

    r = agent(tmp_path, '--task_description', 'sentiment', '--prompt', 'A boring, pointless film.')   # a second process
    assert r.returncode == 0, r.stderr[-3000:]
    second = json.loads(r.stdout)
    assert not second['learned'] and second['expert'] == first['expert']
    assert events(tmp_path)[5:] == ['TASK_RECEIVED', 'MODEL_SELECTED', 'ANSWER']        # no retraining
    assert len(json.loads((tmp_path / 'model_registry.json').read_text())['sentiment']) == 1


def test_bad_input_writes_nothing(tmp_path):
    (tmp_path / 'empty.jsonl').write_text('\n')
    (tmp_path / 'bad.jsonl').write_text('{"text": "fine"}\n{"text": \n')
    for args, stdin, msg in [(['--task_description', '', '--prompt', 'x'], None, 'task description is empty'),
                             (['--task_description', '感情分析', '--prompt', '-'], 'x' * 1_000_000, 'agent.max_prompt_chars'),   # 1 MB
                             (['--task_description', '感情分析', '--prompt', 'ok', '--unlabeled_data_path', str(tmp_path / 'none.jsonl')], None, 'data file not found'),
                             (['--task_description', '感情分析', '--prompt', 'ok', '--unlabeled_data_path', str(tmp_path / 'empty.jsonl')], None, 'no records'),
                             (['--task_description', '感情分析', '--prompt', 'ok', '--unlabeled_data_path', str(tmp_path / 'bad.jsonl')], None, 'bad.jsonl, line 2: invalid JSON')]:
        r = agent(tmp_path, *args, stdin=stdin)
        assert r.returncode == 2 and msg in r.stderr and 'Traceback' not in r.stderr, r.stderr[-2000:]
    assert not (tmp_path / 'model_registry.json').exists()
    assert not list(tmp_path.glob('experts/**/model.safetensors'))


def test_data_an_expert_cannot_be_learned_from_is_refused(tmp_path):
    "Too few texts, too few different ones, texts the teacher labels all one way, a script the teachers cannot read."
    def write(name, texts):
        (tmp_path / name).write_text(''.join(json.dumps({'text': t}, ensure_ascii=False) + '\n' for t in texts), encoding='utf-8')
        return str(tmp_path / name)
    cases = [(write('few.jsonl', ['Great film.', 'Awful film.'] * 4), 'need at least 10 unlabeled texts'),
             (write('same.jsonl', ['The same review, again.'] * 40), 'only 1 different ones'),
             (write('korean.jsonl', [f'정말 좋은 영화였다 {i}번' for i in range(20)]), 'Korean (Hangul)'),
             (write('happy.jsonl', [f'An absolutely wonderful, brilliant, delightful film number {i}. I loved every minute!' for i in range(20)]),
              "the teacher labels")]
    for path, msg in cases:
        r = agent(tmp_path, '--task_description', 'sentiment', '--prompt', 'ok', '--unlabeled_data_path', path)
        assert r.returncode == 2 and msg in r.stderr and 'Traceback' not in r.stderr, (msg, r.stderr[-2000:])
    assert not (tmp_path / 'model_registry.json').exists()


def test_an_expert_no_better_than_the_majority_is_not_used(tmp_path):
    "The default rule (agent.refuse_unusable=true): registered as unusable, the user told what to do, nothing answered."
    data = tmp_path / 'mixed.jsonl'
    lines = [json.loads(l) for l in (ROOT / 'data' / 'reviews.jsonl').read_text(encoding='utf-8').splitlines()]
    data.write_text('\n'.join(json.dumps(x, ensure_ascii=False) for x in lines[:60] if x['text'].isascii()), encoding='utf-8')
    r = agent(tmp_path, '--task_description', 'sentiment', '--prompt', 'A fine film.', '--unlabeled_data_path', str(data),
              last=['agent.refuse_unusable=true', 'agent.expert_steps=1'])
    assert r.returncode == 2 and 'is not used' in r.stderr and 'unlabeled_data_path' in r.stderr, r.stderr[-2000:]
    (entry,) = json.loads((tmp_path / 'model_registry.json').read_text())['sentiment']
    assert entry['metrics']['usable'] is False and 'most common' in entry['metrics']['usable_reason']
    assert events(tmp_path)[-1] == 'ERROR'
