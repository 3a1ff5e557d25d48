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


@pytest.mark.parametrize('name', ['bench_lif.ipynb', 'bench_cold_start.ipynb'])
def test_parameters_cell_survives_nbdev_clean(name):
    """papermill needs the `parameters` tag; settings.ini keeps it through nbdev_clean."""
    nb = json.loads((ROOT / 'nbs' / 'pipelines' / name).read_text())
    assert any('parameters' in c.get('metadata', {}).get('tags', []) for c in nb['cells'])
