"""How well each teacher, and the two as a panel, label SST-2 *training* sentences (gold labels; never dev).

Each teacher labels with the sentiment task's few-shot prompt and calibrates on the sentences themselves, as the
agent does (`label_texts`); the panel's label is the mean of their calibrated probabilities. About 1.5 min.

    python tools/teacher_panel.py [N]        # N sentences of 6 words or more from the end of the shuffled pool (800)
"""
import random, sys
from pathlib import Path
import torch
from snn_chat.agent import load_tasks
from snn_chat.teachers import DEFAULT_TEACHER, GEMMA_TEACHER, VerbalizerLabeler, load_teacher

ROOT = Path(__file__).resolve().parents[1]
n = int(sys.argv[1]) if len(sys.argv) > 1 else 800
spec = load_tasks()['sentiment']
rows = [l.rstrip('\n').split('\t') for l in (ROOT.parent/'shared'/'datasets'/'sst2'/'train.tsv').read_text().splitlines()[1:]]
rows = [(s, int(y)) for s, y in rows if len(s.split()) >= 6]
random.Random(7).shuffle(rows)
rows = rows[-n:]
texts, gold = [s for s, _ in rows], torch.tensor([y for _, y in rows])      # 1: positive
pos = spec.labels.index('positive')
probs = {}
for name in (DEFAULT_TEACHER, GEMMA_TEACHER):
    lab = VerbalizerLabeler(load_teacher(name), spec.labels, spec.verbalizers, [(e['text'], e['label']) for e in spec.examples],
                            spec.template)
    scores = lab.scores(texts)
    lab.calibrate(texts, scores)
    probs[name] = lab.probabilities(texts, scores)
probs['panel'] = sum(probs.values()) / 2
print(f"| labeller | accuracy on {n} SST-2 training sentences |\n|---|---|")
for name, p in probs.items(): print(f"| {name} | {((p[:, pos] > 0.5).long() == gold).float().mean().item():.3f} |")
