"""Where in the teacher a whole text is best read: linear readouts of SmolLM2's hidden states on SST-2.

The teacher labels N SST-2 *training* sentences with its calibrated few-shot prompt (no gold label is used to
train); a logistic regression on each kind of state learns those labels and is scored on the 872 SST-2 dev
sentences (gold labels), beside the teacher's own accuracy there. Three kinds of state, at several layers:
- the mean over the tokens of the text read alone;
- the mean over the tokens of the text read in a probe prompt that names no task;
- the probe's last token, where the teacher has to say something about the whole text.

The table in `nbs/pipelines/build_encoder.ipynb` comes from this script (it chooses the encoder's targets).

    python tools/probe_states.py                  # N = 2,000, about 3 minutes on 2 cores
    python tools/probe_states.py --n 500 --layers 15 20
"""
import argparse, random
import numpy as np
import torch

PROBE = 'Text: {text}\nIn one word, this text is'

def sst(path) -> list:
    return [(r.split('\t')[0], 1 - int(r.split('\t')[1])) for r in path.read_text(encoding='utf-8').splitlines()[1:]]  # 0 positive, 1 negative

def sst2_split(folder) -> tuple:
    "(training pool, dev) of SST-2 as (text, label) pairs: the pool is the sentences of 5 words or more, shuffled as bench_sentiment does."
    pool = [x for x in sst(folder/'train.tsv') if len(x[0].split()) >= 5]
    random.Random(0).shuffle(pool)
    return pool, sst(folder/'dev.tsv')

@torch.no_grad()
def states(teacher, texts:list, template:str, layers:list) -> dict:
    "{(kind, layer): [N, D]} for kind 'last' (the prompt's last token) and 'mean' (over all its tokens)."
    tok, body = teacher.tokenizer, teacher.model.model
    rows = [tok(template.replace('{text}', x), add_special_tokens=False).input_ids for x in texts]
    order = sorted(range(len(rows)), key=lambda i: len(rows[i]))
    out = {(k, l): np.zeros((len(rows), teacher.model.config.hidden_size), np.float32) for k in ('last', 'mean') for l in layers}
    for s in range(0, len(order), 32):
        idx = order[s:s + 32]
        L = max(len(rows[i]) for i in idx)
        ids = torch.zeros(len(idx), L, dtype=torch.long); m = torch.zeros(len(idx), L, dtype=torch.long)
        for r, i in enumerate(idx): ids[r, :len(rows[i])] = torch.tensor(rows[i]); m[r, :len(rows[i])] = 1
        hs = body(input_ids=ids, attention_mask=m, output_hidden_states=True).hidden_states
        for l in layers:
            h = hs[l].float()
            out['last', l][idx] = h[torch.arange(len(idx)), m.sum(1) - 1].numpy()
            out['mean', l][idx] = ((h * m[..., None]).sum(1) / m.sum(1, keepdim=True)).numpy()
    return out

def readout(X, y, Xd, yd, C:float) -> float:
    "Dev accuracy of a logistic regression on standardised `X` (the statistics of the training side)."
    from sklearn.linear_model import LogisticRegression
    mu, sd = X.mean(0), X.std(0) + 1e-6
    return float((LogisticRegression(C=C, max_iter=3000).fit((X - mu) / sd, y).predict((Xd - mu) / sd) == yd).mean())

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--n', type=int, default=2000, help='teacher-labelled SST-2 training sentences')
    ap.add_argument('--layers', type=int, nargs='+', default=[12, 15, 20, 25])
    ap.add_argument('--C', type=float, default=0.01, help='inverse L2 strength of the readout (fixed, not tuned on dev)')
    ap.add_argument('--sst2', default='../shared/datasets/sst2')
    a = ap.parse_args()
    from snn_chat.router import load_tasks
    from snn_chat.config import load_config, project_root
    from snn_chat.teachers import VerbalizerLabeler, load_teacher
    root = project_root()
    pool, dev = sst2_split(root/a.sst2)
    train_texts, dev_texts, dev_gold = [t for t, _ in pool[:a.n]], [t for t, _ in dev], np.array([y for _, y in dev])
    cfg, spec = load_config(), load_tasks()['sentiment']
    teacher = load_teacher(cfg.training.distillation.teacher_model, dtype=cfg.training.distillation.teacher_dtype)
    lab = VerbalizerLabeler(teacher, spec.labels, spec.verbalizers, [(e['text'], e['label']) for e in spec.examples], spec.template)
    lab.calibrate(train_texts)
    y = lab.probabilities(train_texts).argmax(-1).numpy()
    teacher_acc = float((lab.probabilities(dev_texts).argmax(-1).numpy() == dev_gold).mean())
    print(f"teacher (few-shot sentiment prompt, calibrated on the {a.n} training sentences): {teacher_acc:.3f} on SST-2 dev")
    rows = [('mean, the text alone', '{text}', 'mean'), ('mean, in the probe', PROBE, 'mean'), ("the probe's last token", PROBE, 'last')]
    print(f"\nlogistic regression (C = {a.C}) on {a.n} teacher labels, SST-2 dev accuracy; probe: {PROBE!r}\n")
    print('| the teacher\'s states | ' + ' | '.join(f'layer {l}' for l in a.layers) + ' |')
    print('|---|' + '---|' * len(a.layers))
    cache = {}
    for name, template, kind in rows:
        if template not in cache: cache[template] = (states(teacher, train_texts, template, a.layers), states(teacher, dev_texts, template, a.layers))
        tr, dv = cache[template]
        print(f'| {name} | ' + ' | '.join(f"{readout(tr[kind, l], y, dv[kind, l], dev_gold, a.C):.3f}" for l in a.layers) + ' |', flush=True)

if __name__ == '__main__': main()
