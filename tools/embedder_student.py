"""Can a spiking student carry the embedder's summary signal? The shipped encoder + a fresh sentence head learn all-MiniLM-L6-v2's vectors.

The summaries benchmark (nbs/pipelines/bench_summaries.ipynb) finds that the retrieval embedder's centrality (each
sentence's summed cosine to the text's other sentences) keeps the key sentence far better than any signal of the
teacher LLM. This asks whether the specialists' student can compute it: the shipped pre-distilled encoder and a new
linear head on its mean spike counts learn the embedder's unit vectors (1 - cosine) of the ~25,000 sentences of the
encoder's own corpus (WikiText-2 valid, the project's data, the teacher-written texts; never SST-2 or WikiText-2
test), and after each epoch it prints the held-out cosine and the share of the summaries set whose key sentence is
among the top third by the student's centrality. Nothing is saved.

    python tools/embedder_student.py 3        # epochs; about 9 minutes on 2 cores (first try: 0.53, 0.59, 0.59)
"""
import json, math, re, sys, time, random
import torch, numpy as np, torch.nn.functional as F
from snn_chat.agent import split_sentences
from snn_chat.config import project_root
from snn_chat.data import read_texts
from snn_chat.models import SpikingModel
from snn_chat.rag import Embedder
from snn_chat.teachers import load_teacher
from snn_chat.train import encode_texts
root = project_root()
def wiki_sentences(path):
    out = []
    for line in path.read_text(encoding='utf-8-sig').splitlines():
        line = line.strip()
        if not line or line.startswith('='): continue
        line = line.replace(' @-@ ', '-').replace(' @,@ ', ',').replace(' @.@ ', '.')
        for s in re.split(r'(?<= [.!?]) ', line):
            if s.count('<unk>') > 1: continue
            s = s.replace(' <unk>', '').replace('<unk> ', '')
            if 6 <= len(s.split()) <= 40: out.append(s)
    return out
sents = wiki_sentences(root/'../shared/datasets/wikitext2/valid.txt')
for f in sorted((root/'data').glob('*.jsonl')): sents += [s for t in read_texts(f) for s in split_sentences(t)]
sents += [s for l in (root/'data/encoders/smollm2-135m-instruct/teacher_written.jsonl').read_text().splitlines() for s in split_sentences(json.loads(l)['text'])]
sents = [s for s in dict.fromkeys(sents) if 3 <= len(s) <= 400]
random.Random(0).shuffle(sents)
print(len(sents), 'sentences', flush=True)
t0 = time.monotonic(); emb = Embedder(); Y = torch.tensor(emb.encode(sents)); print(f'embedded in {time.monotonic()-t0:.0f} s', flush=True)
tok = load_teacher('smollm2-135m-instruct').student_tokenizer()
enc = SpikingModel.load(root/'data/encoders/smollm2-135m-instruct')
head = torch.nn.Linear(256, 384)
def batch(idx):
    x, m = encode_texts([sents[i] for i in idx], tok, 128); return x, m
def embed_student(texts):
    x, m = encode_texts(texts, tok, 128)
    counts, keep = enc.encoder(x, m)
    return head(counts.sum(1) / keep.sum(1) / enc.encoder.rate)
held = list(range(500)); tr = list(range(500, len(sents)))
params = list(enc.encoder.parameters()) + list(head.parameters())
opt = torch.optim.AdamW(params, 1e-3, weight_decay=0.01)
epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 2; bs = 32
steps = epochs * (len(tr) // bs); step = 0; t0 = time.monotonic()
rows = [json.loads(l) for l in (root/'nbs/pipelines/sets/summaries.jsonl').read_text().splitlines() if l.strip()]
k_of = lambda r: max(1, math.ceil(len(r['sentences']) / 3))
def evaluate():
    enc.eval(); ok = []
    with torch.no_grad():
        V = F.normalize(embed_student([sents[i] for i in held]), dim=1); cos = (V * Y[held]).sum(1).mean().item()
        for r in rows:
            V = F.normalize(embed_student(r['sentences']), dim=1); c = (V @ V.T).sum(1)
            ok.append(bool(set(c.topk(k_of(r)).indices.tolist()) & set(r['key'])))
    enc.train(); return cos, sum(ok) / len(ok)
print('before', evaluate(), flush=True)
for ep in range(epochs):
    order = torch.randperm(len(tr)).tolist()
    for s in range(0, len(order) - bs + 1, bs):
        for g in opt.param_groups: g['lr'] = 1e-3 * min(1, (step + 1) / 100) * 0.5 * (1 + math.cos(math.pi * step / steps))
        idx = [tr[i] for i in order[s:s + bs]]
        x, m = batch(idx); counts, keep = enc.encoder(x, m)
        p = head(counts.sum(1) / keep.sum(1) / enc.encoder.rate)
        loss = 1 - F.cosine_similarity(p, Y[idx], dim=1).mean()
        opt.zero_grad(); loss.backward(); torch.nn.utils.clip_grad_norm_(params, 1.0); opt.step(); step += 1
    print(f'epoch {ep+1} {time.monotonic()-t0:.0f} s loss {loss.item():.3f}', evaluate(), flush=True)
