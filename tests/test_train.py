"""`snn-train` as a user runs it: the issue's command, resume after a kill, distillation, torchrun."""
import json, os, signal, subprocess, sys, time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
TINY = ['data.max_seq_len=32', 'training.batch_size=16', 'training.warmup_steps=2']   # over configs/tiny.yaml


def overrides(*pairs):
    return [a for p in pairs for a in ('--override_config', p)]


def tiny(*pairs):
    "configs/tiny.yaml with TINY and `pairs` laid over it."
    return ['--config', 'tiny', *overrides(*TINY, *pairs)]


def run(*args, timeout=600):
    r = subprocess.run([str(BIN / args[0]), *map(str, args[1:])], cwd=ROOT, capture_output=True, text=True, timeout=timeout)
    assert r.returncode == 0, r.stderr[-3000:]
    return r


def metrics(out):
    return [json.loads(l) for l in (Path(out) / 'metrics.jsonl').read_text().splitlines()]


def test_issue_command_trains_checkpoints_and_resumes(tmp_path):
    out = tmp_path / 'run'
    run('snn-train', '--config', 'configs/base_config.yaml', '--model_config', 'configs/models/small.yaml',
        '--data_path', 'data/sample_data.jsonl', '--data_format', 'simple_text', '--output_dir', out)
    m = metrics(out)
    assert [e['epoch'] for e in m] == [1, 2, 3] and m[-1]['val_loss'] < m[0]['val_loss']
    for ck in ('last', 'best'):
        assert {'model.safetensors', 'config.json', 'optimizer.safetensors', 'trainer_state.json', 'snn_tokenizer.json'} <= {p.name for p in (out / ck).iterdir()}
    r = run('snn-train', '--data_path', 'data/sample_data.jsonl', '--output_dir', out, '--resume', *overrides('training.epochs=4'))
    assert 'resuming from' in r.stderr           # the library's log: stderr, stdout holds answers only
    assert [e['epoch'] for e in metrics(out)] == [1, 2, 3, 4]
    q = run('snn-train', '--data_path', 'data/sample_data.jsonl', '--output_dir', out, '--resume', '--quiet',
            *overrides('training.epochs=5'))
    said = q.stdout + q.stderr
    assert 'resuming from' not in said and 'val_loss=' not in said     # --quiet: warnings and errors only
    assert [e['epoch'] for e in metrics(out)] == [1, 2, 3, 4, 5]


def test_resume_after_kill_matches_uninterrupted_run(tmp_path):
    """SIGKILL a real run once its first checkpoint exists; the resumed run ends exactly where an uninterrupted one does."""
    args = tiny('training.epochs=6')
    run('snn-train', '--output_dir', tmp_path / 'straight', *args)
    out = tmp_path / 'killed'
    p = subprocess.Popen([str(BIN / 'snn-train'), '--output_dir', str(out), *args], cwd=ROOT,
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not (out / 'last' / 'trainer_state.json').exists() and time.monotonic() < deadline: time.sleep(0.01)
    p.send_signal(signal.SIGKILL); p.wait()
    done = json.loads((out / 'last' / 'trainer_state.json').read_text())['epoch']
    assert done < 6, 'the run finished before it could be killed; make it longer'
    run('snn-train', '--output_dir', out, '--resume', *args)
    a, b = metrics(tmp_path / 'straight')[-1], metrics(out)[-1]
    assert (a['epoch'], a['step']) == (b['epoch'], b['step'])
    assert a['val_loss'] == b['val_loss'] and a['train_loss'] == b['train_loss']


def test_distillation_from_store_of_real_tiny_transformer(tmp_path):
    """The teacher store is built here by a real (tiny, random) transformers Llama sharing a BPE vocabulary."""
    code = f"""
import torch
from transformers import LlamaConfig, LlamaForCausalLM
from snn_chat.data import read_texts, train_bpe
from snn_chat.train import build_lm_store, lm_windows
bpe = train_bpe(read_texts('data/sample_data.jsonl'), vocab_size=400)
torch.manual_seed(0)
teacher = LlamaForCausalLM(LlamaConfig(vocab_size=bpe.vocab_size, hidden_size=32, intermediate_size=64, num_hidden_layers=1,
                                       num_attention_heads=2, num_key_value_heads=2, max_position_embeddings=64)).eval()
build_lm_store(lambda x: teacher(x).logits, lm_windows(read_texts('data/sample_data.jsonl'), bpe, 16), 8,
               r'{tmp_path / "store"}', bpe, meta={{'teacher': 'tiny random Llama built in the test'}})
"""
    r = subprocess.run([sys.executable, '-c', code], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-3000:]
    out = tmp_path / 'student'
    run('snn-train', '--output_dir', out, '--teacher_store', tmp_path / 'store',
        *tiny('training.type=distillation', 'training.epochs=2', 'data.max_seq_len=16'))
    m = metrics(out)
    assert m[-1]['train_kd'] > 0 and m[-1]['train_ce'] > 0 and m[-1]['train_loss'] < m[0]['train_loss']
    student_vocab = json.loads((out / 'last' / 'config.json').read_text())['config']['vocab_size']
    teacher_vocab = json.loads((tmp_path / 'store' / 'tokenizer' / 'tokenizer.json').read_text())['model']['vocab']
    assert student_vocab == len(teacher_vocab)          # the student shares the teacher's vocabulary


def test_torchrun_two_processes_match_one(tmp_path):
    """2 gloo processes with the same global batch follow the 1-process loss trajectory.
    Tolerance: 1e-4 relative. Gradients are averaged in a different order, so losses agree to float precision,
    not bit for bit; a spike can in principle flip on such a difference."""
    args = tiny('training.epochs=2', 'device=cpu')
    run('snn-train', '--output_dir', tmp_path / 'one', *args)
    env = dict(os.environ, OMP_NUM_THREADS='1')
    r = subprocess.run([str(BIN / 'torchrun'), '--standalone', '--nproc_per_node=2', '--no-python', str(BIN / 'snn-train'), '--distributed',
                        '--output_dir', str(tmp_path / 'two'), *args], cwd=ROOT, capture_output=True, text=True, timeout=600, env=env)
    assert r.returncode == 0, r.stderr[-3000:]
    assert '2 process(es)' in r.stderr
    one, two = metrics(tmp_path / 'one'), metrics(tmp_path / 'two')
    assert [e['step'] for e in one] == [e['step'] for e in two]
    for a, b in zip(one, two):
        for k in ('train_loss', 'val_loss'): assert b[k] == pytest.approx(a[k], rel=1e-4), (k, a[k], b[k])


def test_bad_data_is_a_clear_error(tmp_path):
    (tmp_path / 'bad.jsonl').write_text('{"text": "ok"}\n{"label": 1}\n')
    r = subprocess.run([str(BIN / 'snn-train'), '--data_path', str(tmp_path / 'bad.jsonl'), '--output_dir', str(tmp_path)],
                       cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert r.returncode == 2 and "bad.jsonl, line 2: missing field 'text'" in r.stderr and 'Traceback' not in r.stderr
