"""The papermill notebooks in nbs/pipelines run unchanged under papermill (tiny parameters here)."""
import json, subprocess, sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PAPERMILL = Path(sys.executable).parent / 'papermill'


def papermill(name, out_dir, **params):
    out = out_dir / name
    args = [str(PAPERMILL), str(ROOT / 'nbs' / 'pipelines' / name), str(out), '--log-output', '--cwd', str(ROOT)]
    if params: args += ['-y', json.dumps(params)]          # JSON is YAML: lists keep their type
    r = subprocess.run(args, capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stderr[-3000:]
    return r.stdout + r.stderr, out


def test_bench_lif(tmp_path):
    log, out = papermill('bench_lif.ipynb', tmp_path, batch=2, time_steps=4, repeats=2, sizes=[64])
    assert out.exists()
    assert '| 64 |' in log and 'speed-up of fused over snntorch' in log


def test_bench_cold_start(tmp_path):
    log, out = papermill('bench_cold_start.ipynb', tmp_path, repeats=1)
    assert '`snn-config --help`' in log and '`snn-demo --help`' in log


@pytest.mark.parametrize('name', sorted(p.name for p in (ROOT / 'nbs' / 'pipelines').glob('*.ipynb')))
def test_parameters_cell_survives_nbdev_clean(name):
    """papermill needs the `parameters` tag; settings.ini keeps it through nbdev_clean."""
    nb = json.loads((ROOT / 'nbs' / 'pipelines' / name).read_text())
    assert any('parameters' in c.get('metadata', {}).get('tags', []) for c in nb['cells'])


def test_train_pipeline(tmp_path):
    """The papermill training notebook, tiny parameters; its executed copy is kept."""
    out = tmp_path / 'run'
    log, nb = papermill('train.ipynb', tmp_path, output_dir=str(out), config=str(ROOT / 'configs' / 'tiny.yaml'),
                        overrides=['data.max_seq_len=32', 'training.batch_size=16', 'training.epochs=2'])
    assert nb.exists() and (out / 'best' / 'model.safetensors').exists()
    assert '| epoch | step | train_loss | val_loss | val_ppl |' in log
    assert len((out / 'metrics.jsonl').read_text().splitlines()) == 2


def test_bench_lm_pipeline(tmp_path):
    """The SNN-vs-ANN benchmark notebook on tiny text files made here (it must never need ../shared to run)."""
    texts = [json.loads(l)['text'] for l in (ROOT / 'data' / 'sample_data.jsonl').read_text(encoding='utf-8').splitlines()]
    (tmp_path / 'train.txt').write_text('\n'.join(texts * 3), encoding='utf-8')
    (tmp_path / 'test.txt').write_text('\n'.join(texts[::2]), encoding='utf-8')
    log, nb = papermill('bench_lm.ipynb', tmp_path, train_path=str(tmp_path / 'train.txt'), test_path=str(tmp_path / 'test.txt'),
                        epochs=1, batch_size=8, seq_len=32, vocab_size=500, energy_windows=2,
                        extra_overrides=['model.d_model=32', 'model.n_layers=1', 'model.n_heads=2', 'model.d_ff=64'])
    assert '| SNN |' in log and '| ANN |' in log and 'perplexity ratio SNN/ANN' in log and 'energy ratio SNN/ANN' in log


def test_bench_planner(tmp_path):
    """The planner benchmark on its 12 unseen requests (the router reads Gemma's states: about 20 s)."""
    log, _ = papermill('bench_planner.ipynb', tmp_path, sets=['nbs/pipelines/sets/planner_requests_unseen.jsonl'])
    assert '| planner_requests_unseen.jsonl | aliases, then router | 12 |' in log


# Every pipeline is run by a test, here or elsewhere, or is a benchmark only, for the reason given.
RUN_HERE = {'bench_lif.ipynb', 'bench_cold_start.ipynb', 'train.ipynb', 'bench_lm.ipynb', 'bench_planner.ipynb'}
RUN_ELSEWHERE = {'benchmark.ipynb': 'tests/test_evolution.py: snn-evolve measures every change through it'}
BENCHMARK_ONLY = {
    'bench_convert.ipynb': 'converts the 135M-parameter teacher at 6 settings, about 7 min; reads WikiText-2 from ../shared',
    'bench_generalist.ipynb': 'the generalist beside its teacher on 44 prompts at 5 settings, about 35 min',
    'bench_learners.ipynb': 'two real snn-distill runs, alone and at once, about 27 min',
    'bench_rag.ipynb': 'every retriever on 34 questions over doc/, about 6 min',
    'bench_reviews.ipynb': 'a fresh clone\'s first snn-agent call (teacher labelling, learning) on 84 reviews, about 5 min',
    'bench_routing.ipynb': 'the router at 4 layers of Gemma beside the nearest-card baseline on 258 descriptions, a few minutes',
    'bench_sentiment.ipynb': 'learns three experts from up to 8,000 SST-2 sentences, about 16 min; reads SST-2 from ../shared',
    'bench_summaries.ipynb': 'every summary signal (teacher, embedder, expert) on 32 texts, about 5 min',
    'bench_teacher.ipynb': 'labels the 872 SST-2 dev sentences twice over, minutes; reads SST-2 from ../shared',
    'build_encoder.ipynb': 'builds the shipped encoder from 21,771 sentences, about 16 min (the teacher writing its texts: hours)',
}


def test_every_pipeline_is_run_or_listed():
    names = {p.name for p in (ROOT / 'nbs' / 'pipelines').glob('*.ipynb')}
    listed = [*RUN_HERE, *RUN_ELSEWHERE, *BENCHMARK_ONLY]
    assert len(listed) == len(set(listed)), 'a pipeline is listed twice'
    assert names == set(listed), f"not listed: {sorted(names - set(listed))}; listed but missing: {sorted(set(listed) - names)}"
