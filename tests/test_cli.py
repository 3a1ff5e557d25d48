"""Integration tests: the real console scripts, run as separate processes like a user runs them."""
import configparser, json, subprocess, sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent


def scripts():
    cfg = configparser.ConfigParser(delimiters=['='])
    cfg.read(ROOT / 'settings.ini')
    return [s.split('=')[0] for s in cfg['DEFAULT']['console_scripts'].split()]


def run(*args, cwd=ROOT, timeout=300):
    return subprocess.run([str(BIN / args[0]), *args[1:]], cwd=cwd, capture_output=True, text=True, timeout=timeout)


@pytest.mark.parametrize('script', scripts())
def test_help(script):
    r = run(script, '--help')
    assert r.returncode == 0, r.stderr
    assert 'usage:' in r.stdout


BAD_CONFIGS = {  # file content -> what the error must say
    'training:\n  learnin_rate: 0.1\n': ["unknown config key 'training.learnin_rate'", "did you mean 'training.learning_rate'"],
    'training:\n  epochs: many\n': ["'training.epochs'", 'must be int'],
    'training:\n  epochs: [3\n': ['bad.yaml, line 3', 'YAML syntax error'],
}


@pytest.mark.parametrize('content', BAD_CONFIGS)
def test_bad_config_file(tmp_path, content):
    (tmp_path / 'bad.yaml').write_text(content)
    r = run('snn-config', '--config', str(tmp_path / 'bad.yaml'))
    assert r.returncode == 2
    assert 'Traceback' not in r.stderr
    for words in BAD_CONFIGS[content]: assert words in r.stderr, r.stderr


def test_missing_config_file_and_bad_override(tmp_path):
    r = run('snn-config', '--model_config', str(tmp_path / 'nope.yaml'))
    assert r.returncode == 2 and 'config file not found' in r.stderr and 'Traceback' not in r.stderr
    r = run('snn-config', '--override_config', 'model.neuron.beta=high')
    assert r.returncode == 2 and "'model.neuron.beta'" in r.stderr and 'must be float' in r.stderr
    r = run('snn-config', '--override_config', 'model.d_model=64', '--get', 'model.d_model')
    assert r.returncode == 0 and r.stdout.strip() == '64'


def test_debug_shows_traceback():
    r = run('snn-config', '--override_config', 'nope=1', '--debug')
    assert r.returncode != 0 and 'Traceback' in r.stderr and 'ConfigError' in r.stderr


def test_demo_end_to_end(tmp_path):
    """The main job, shortened: train a few seconds, save, reply with an energy report."""
    out = tmp_path / 'lm'
    r = run('snn-demo', '--seconds', '4', '--output_dir', str(out), '--override_config', 'inference.max_new_tokens=12',
            '--prompt', 'Spikes are', '--prompt', 'スパイクは')
    assert r.returncode == 0, r.stderr[-2000:]
    assert 'µJ' in r.stdout and 'ANN' in r.stdout and 'ratio' in r.stdout
    res = json.loads((out / 'demo.json').read_text())
    assert res['steps'] > 0 and len(res['replies']) == 2 and res['model_path'] == str(out / 'best')
    for rep in res['replies']:
        e = rep['energy']
        assert e['spikes'] > 0 and e['sops'] > 0 and e['energy_uj'] > 0 and e['ann_energy_uj'] > 0
    # the saved expert is a real model: it loads and runs
    code = ("import torch; from snn_chat.models import SpikingModel; m = SpikingModel.from_pretrained(r'%s'); "
            "print(m(torch.tensor([[1, 2, 3]])).shape)" % res['model_path'])
    r = subprocess.run([sys.executable, '-c', code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 0 and 'torch.Size([1, 3, 259])' in r.stdout, r.stderr
