"""Compare ways of learning the sentiment expert side by side, from the same teacher labels: accuracy on gold SST-2 labels.

Every variant is a list of config overrides; each learns with the agent's own path (`learn_expert`) on the same
N unlabeled SST-2 training sentences in one runs folder, so the teacher labels them once and every variant
learns from the same labels. `--seeds` repeats each variant with other training seeds (`seed=...`, which also
draws another held-out slice), because one run's accuracy moves by about ±0.015.

Choosing between variants is tuning, and SST-2 dev is for measuring only, so by default they are scored on
the gold labels of 2,000 training sentences from the far end of the shuffled pool (never among the N the
teacher labels, nor among the 8,000 `bench_sentiment` uses). `--score_on dev` measures a choice already made.

    python tools/compare_students.py                                  # the shipped recipe vs a random head (no linear probing)
    python tools/compare_students.py --seeds 0 1 2 --variant 'lr 3e-4=agent.expert_learning_rate=3e-4'
"""
import argparse, statistics, tempfile, time
from pathlib import Path

def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n')[0])
    ap.add_argument('--n', type=int, default=2000, help='unlabeled SST-2 training sentences')
    ap.add_argument('--seeds', type=int, nargs='+', default=[0])
    ap.add_argument('--variant', action='append', default=[], metavar='NAME=KEY=VALUE[,KEY=VALUE]',
                    help='a named list of overrides (repeatable); default: the shipped recipe and agent.expert_probe_l2=0 (a random head)')
    ap.add_argument('--sst2', default='../shared/datasets/sst2')
    ap.add_argument('--score_on', choices=['train', 'dev'], default='train',
                    help='train: 2,000 gold-labelled training sentences outside the pool bench_sentiment draws from (for choosing); dev: SST-2 dev (for measuring)')
    a = ap.parse_args()
    import torch
    from snn_chat.learning import learn_expert
    from snn_chat.measure import measure_classifier
    from snn_chat.router import load_tasks
    from snn_chat.config import load_config, project_root
    from snn_chat.energy import EnergyCosts
    from snn_chat.models import SpikingModel
    from snn_chat.teachers import load_teacher
    from snn_chat.train import encode_texts
    from probe_states import sst2_split              # tools/ is on the path when a tool runs
    variants = {'shipped': []} if a.variant else {'shipped': [], 'random head': ['agent.expert_probe_l2=0']}
    for v in a.variant:
        name, _, overrides = v.partition('=')
        variants[name] = [o for o in overrides.split(',') if o]
    root = project_root()
    pool, dev = sst2_split(root/a.sst2)
    assert len(pool) >= max(a.n, 8000) + 2000, 'the SST-2 pool is too small for a tuning slice'
    scored = pool[-2000:] if a.score_on == 'train' else dev     # train: gold labels from the far end of the pool, a tuning slice
    texts, scored_texts, gold = [t for t, _ in pool[:a.n]], [t for t, _ in scored], torch.tensor([y for _, y in scored])
    spec, base = load_tasks()['sentiment'], load_config()
    teacher = load_teacher(base.training.distillation.teacher_model, dtype=base.training.distillation.teacher_dtype)
    tok, encoded = teacher.student_tokenizer(), {}    # the scored sentences, encoded once per max_seq_len
    results = {name: [] for name in variants}
    with tempfile.TemporaryDirectory() as runs:
        for seed in a.seeds:
            for name, overrides in variants.items():
                cfg = load_config(overrides=[*overrides, f'seed={seed}'])
                t0 = time.monotonic()
                entry = learn_expert(spec, texts, lambda n=None: teacher, cfg, Path(runs), log=lambda *x: None)
                model = SpikingModel.load(entry.model_path)
                L = model.c.max_seq_len
                if L not in encoded: encoded[L] = encode_texts(scored_texts, tok, L)
                ids, mask = encoded[L]
                acc = measure_classifier(model, ids, mask, gold, EnergyCosts.from_config(cfg))['accuracy']
                results[name].append(acc)
                print(f"seed {seed} | {name} | {a.score_on} {acc:.3f} | held-out agreement {entry.metrics['accuracy']:.3f} | {time.monotonic() - t0:.0f} s", flush=True)
    print(f"\n| variant | overrides | SST-2 {'dev' if a.score_on == 'dev' else 'training slice'}, N = {a.n:,} (seeds {' '.join(map(str, a.seeds))}) | mean |\n|---|---|---|---|")
    for name, accs in results.items():
        print(f"| {name} | {', '.join(variants[name]) or '(none)'} | {' '.join(f'{x:.3f}' for x in accs)} | {statistics.mean(accs):.3f} |")

if __name__ == '__main__': main()
