"""How well each teacher, and the two as a panel, label SST-2 *training* sentences (gold labels; never dev).

Each teacher labels through the agent's own `label_texts` (the sentiment task's few-shot prompt, calibrated on the
sentences themselves); the panel's label is the mean of their calibrated probabilities, which is what `label_texts`
gives for `script_teachers.other=a+b` (checked in the agent chapter). About 1.5 min.

    python tools/teacher_panel.py [N]        # N sentences of 6 words or more from the end of the shuffled pool (800)
"""
import random, sys
from functools import cache
from pathlib import Path
import torch
from snn_chat.router import load_tasks
from snn_chat.teaching import label_texts
from snn_chat.config import load_config
from snn_chat.teachers import DEFAULT_TEACHER, GEMMA_TEACHER, load_teacher

ROOT = Path(__file__).resolve().parents[1]
n = int(sys.argv[1]) if len(sys.argv) > 1 else 800
spec = load_tasks()['sentiment']
rows = [l.rstrip('\n').split('\t') for l in (ROOT.parent/'shared'/'datasets'/'sst2'/'train.tsv').read_text().splitlines()[1:]]
rows = [(s, int(y)) for s, y in rows if len(s.split()) >= 6]
random.Random(7).shuffle(rows)
rows = rows[-n:]
texts, gold = [s for s, _ in rows], torch.tensor([y for _, y in rows])      # 1: positive
pos = spec.labels.index('positive')
load = cache(lambda name: load_teacher(name))
teachers = lambda name=None: load(name or DEFAULT_TEACHER)
probs = {name: label_texts(spec, texts, teachers, load_config(overrides=[f'training.distillation.script_teachers.other={name}']),
                           log=lambda *a: None)[0]
         for name in (DEFAULT_TEACHER, GEMMA_TEACHER)}
probs['panel'] = sum(probs.values()) / 2
print(f"| labeller | accuracy on {n} SST-2 training sentences |\n|---|---|")
for name, p in probs.items(): print(f"| {name} | {((p[:, pos] > 0.5).long() == gold).float().mean().item():.3f} |")
