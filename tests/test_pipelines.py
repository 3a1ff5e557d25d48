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
    log, nb = papermill('train.ipynb', tmp_path, output_dir=str(out), overrides=[
        'model.d_model=32', 'model.n_layers=1', 'model.n_heads=2', 'model.d_ff=64', 'model.time_steps=2',
        'data.max_seq_len=32', 'training.batch_size=16', 'training.epochs=2'])
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
