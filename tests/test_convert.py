"""snn-convert end to end on a tiny Llama made by transformers, saved as safetensors and written as GGUF (Q8_0)."""
import json, subprocess, sys
from pathlib import Path

import pytest
import torch
from safetensors.torch import save_file

from snn_chat.convert import tiny_llama, write_gguf

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TINY_YAML = """model:
  d_model: 64
  n_layers: 2
  n_heads: 4
  d_ff: 128
  max_seq_len: 128
  spiking: true
  time_steps: 16
  neuron: {beta: 0.9, threshold: 1.0, reset: subtract, surrogate: atan, surrogate_alpha: 2.0, detach_reset: true, learn_beta: false, learn_threshold: false}
"""
STUDENT = ['data.max_seq_len=32', 'training.batch_size=8', 'training.epochs=1']    # over configs/tiny.yaml


def run(*args):
    r = subprocess.run([str(BIN / 'snn-convert'), *map(str, args)], capture_output=True, text=True, timeout=600, cwd=ROOT)
    return r.returncode, r.stdout, r.stderr


@pytest.fixture(scope='module')
def sources(tmp_path_factory):
    d = tmp_path_factory.mktemp('src')
    hf = tiny_llama()
    hf.save_pretrained(d / 'hf')
    (d / 'tiny.yaml').write_text(TINY_YAML)
    return d, hf, d / 'hf' / 'model.safetensors', write_gguf(hf, d / 'tiny.gguf')


@pytest.mark.parametrize('fmt', ['safetensors', 'gguf'])
def test_convert_then_distill(sources, tmp_path, fmt):
    d, hf, st, gg = sources
    path = st if fmt == 'safetensors' else gg
    code, out, err = run('--method', 'convert', '--ann_model_path', path, '--snn_model_config', d / 'tiny.yaml', '--output_snn_path', tmp_path / 'conv',
                         '--register_task', 'tiny echo', '--override_config', f'paths.runs_dir={tmp_path / "runs"}')
    assert code == 0, err
    assert "registered for 'tiny echo'" in out
    assert 'mapped: 21 tensors' in out and 'missing: none; mismatched: none' in out
    report = json.loads((tmp_path / 'conv' / 'conversion_report.json').read_text())
    assert report['format'] == fmt and report['calibration']['windows'] > 0
    if fmt == 'gguf': assert any(e['transform'] == 'unpermute_q' for e in report['mapped'])
    # the converted model is an expert like any other: snn-benchmark measures it, with spikes and energy
    r = subprocess.run([str(BIN / 'snn-benchmark'), '--model_path', tmp_path / 'conv', '--data_path', 'data/sample_data.jsonl'],
                       capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    m = json.loads(r.stdout)
    assert m['kind'] == 'lm' and m['avg_spikes_per_sample'] > 0 and m['energy_uj'] > 0 and m['ann_energy_uj'] > 0
    # ... and snn-agent answers with it
    r = subprocess.run([str(BIN / 'snn-agent'), '--json', '--task_description', 'tiny echo', '--prompt', 'Spikes are',
                        '--override_config', f'paths.runs_dir={tmp_path / "runs"}', '--override_config', 'agent.min_accuracy=0.0',
                        '--override_config', 'agent.max_new_tokens=4'], capture_output=True, text=True, cwd=ROOT)
    assert r.returncode == 0, r.stderr
    a = json.loads(r.stdout)
    assert a['expert'] == str(tmp_path / 'conv') and a['learned'] is False and a['energy']['spikes'] > 0
    code, out, err = run('--method', 'distill', '--ann_model_path', path, '--output_snn_path', tmp_path / 'dist',
                         '--config', 'tiny', *[a for o in STUDENT for a in ('--override_config', o)])
    assert code == 0, err
    assert (tmp_path / 'dist' / 'last' / 'model.safetensors').exists()
    code, out, err = run('--method', 'distill', '--ann_model_path', path, '--output_snn_path', tmp_path / 'dist', '--resume',
                         '--config', 'tiny', *[a for o in STUDENT[:-1] + ['training.epochs=2'] for a in ('--override_config', o)])
    assert code == 0 and 'resuming from' in out + err, err
    assert len((tmp_path / 'dist' / 'metrics.jsonl').read_text().splitlines()) == 2


def test_wrong_shape_is_reported_not_copied(sources, tmp_path):
    d, hf, st, gg = sources
    bad = tmp_path / 'bad'; bad.mkdir()
    sd = {k: v.clone() for k, v in hf.state_dict().items()}
    sd['model.layers.1.mlp.down_proj.weight'] = torch.zeros(64, 100)                         # should be (64, 128)
    save_file(sd, bad / 'model.safetensors')
    (bad / 'config.json').write_text((d / 'hf' / 'config.json').read_text())
    code, out, err = run('--method', 'convert', '--ann_model_path', bad / 'model.safetensors', '--snn_model_config', d / 'tiny.yaml',
                         '--output_snn_path', tmp_path / 'out')
    assert code == 2
    assert 'mismatched: model.layers.1.mlp.down_proj.weight → blocks.1.down.weight: expected (64, 128), found (64, 100)' in err
    assert 'nothing was copied' in err and not (tmp_path / 'out').exists()
    assert 'mismatched' in json.loads((tmp_path / 'out.report.json').read_text())['error']


@pytest.mark.parametrize('fmt', ['safetensors', 'gguf'])
def test_truncated_file(sources, tmp_path, fmt):
    d, hf, st, gg = sources
    src = st if fmt == 'safetensors' else gg
    cut = tmp_path / src.name
    cut.write_bytes(src.read_bytes()[: src.stat().st_size // 2])
    if fmt == 'safetensors': (tmp_path / 'config.json').write_text((d / 'hf' / 'config.json').read_text())
    code, out, err = run('--method', 'convert', '--ann_model_path', cut, '--snn_model_config', d / 'tiny.yaml', '--output_snn_path', tmp_path / 'out')
    assert code == 2 and 'is it truncated?' in err and str(cut) in err, err


def test_smaller_model_config_is_refused(sources, tmp_path):
    d, hf, st, gg = sources
    code, out, err = run('--method', 'convert', '--ann_model_path', st, '--snn_model_config', 'configs/models/medium.yaml',
                         '--output_snn_path', tmp_path / 'out')
    assert code == 2 and 'describes a different network' in err and '--method distill' in err, err


@pytest.mark.parametrize('config', [b'{"vocab_size": ', b'\xff\xfe not json', b'[1, 2]', b'{"model_type": "llama", "vocab_size": "many"}'])
def test_corrupted_config_json(sources, tmp_path, config):
    "a corrupted config.json beside the weights is a clear error (a traceback before)"
    d, hf, st, gg = sources
    (tmp_path / st.name).write_bytes(st.read_bytes())
    (tmp_path / 'config.json').write_bytes(config)
    code, out, err = run('--method', 'convert', '--ann_model_path', tmp_path / st.name, '--snn_model_config', d / 'tiny.yaml', '--output_snn_path', tmp_path / 'out')
    assert code == 2 and 'config.json' in err and 'Traceback' not in err, err[-2000:]
