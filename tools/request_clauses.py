"""Write `configs/request_clauses.yaml`: the clauses of the opened compound-request sets, as the planner cuts and
orders them, each labelled with the task its expected plan gives it (`none` for a step no known task covers and for
a question). The router learns from them beside the cards and `configs/other_requests.yaml` (router chapter).

Only *opened* sets go in: sets whose failures have been read and tuned on. A blind set (the newest one, see
`nbs/pipelines/bench_planner.ipynb`) must never be added before it has judged the change it was written for.
A request whose clauses do not match its expected steps one to one is left out (its labels would be guesses).

    python tools/request_clauses.py            # rewrites configs/request_clauses.yaml
"""
import json
from pathlib import Path
from snn_chat.planner import ordered_clauses
from snn_chat.router import NONE, load_tasks

ROOT = Path(__file__).resolve().parents[1]
OPENED = ['compound_requests_fresh', 'compound_requests_blind', 'compound_requests_blind2',
          'compound_requests_blind3', 'compound_requests_blind4']
# Not blind5 (opened at 746719d): learning its clauses cost routing (routing_blind unknown 0.972 -> 0.944, routing_dev
# routed 0.979 -> 0.958) and lost the router chapter's test that a new 'topic' card is routed by paraphrase.

def labelled(names:list, known:set) -> tuple[dict, int, int]:
    "({task: [clause]}, requests used, requests left out) over the sets `names`."
    out, used, left = {}, 0, 0
    for name in names:
        for line in (ROOT/'nbs/pipelines/sets'/f'{name}.jsonl').read_text(encoding='utf-8').splitlines():
            if not line.strip(): continue
            it = json.loads(line)
            clauses = ordered_clauses(it['request'])
            if len(clauses) != len(it['plan']): left += 1; continue
            used += 1
            for clause, step in zip(clauses, it['plan']):
                task = step.split('<-')[0]
                out.setdefault(task if task in known else NONE, {}).setdefault(clause.strip(), None)
    return {k: list(v) for k, v in sorted(out.items())}, used, left

if __name__ == '__main__':
    d, used, left = labelled(OPENED, set(load_tasks()))
    head = ["# The clauses of the opened compound-request sets (nbs/pipelines/sets: " + ', '.join(OPENED) + "),",
            "# as the planner cuts and orders them, labelled by the task of their expected step (none: no known task,",
            "# or a question). Written by tools/request_clauses.py; do not edit by hand. The router learns from them",
            "# beside the cards and other_requests.yaml (router chapter); a task not in tasks.yaml is ignored.",
            f"# {used} requests used, {left} left out (their clauses did not match their steps one to one)."]
    body = [f"{k}:\n" + ''.join(f"  - {json.dumps(t, ensure_ascii=False)}\n" for t in v) for k, v in d.items()]
    (ROOT/'configs/request_clauses.yaml').write_text('\n'.join(head) + '\n' + ''.join(body), encoding='utf-8')
    print(used, 'requests,', left, 'left out;', {k: len(v) for k, v in d.items()})
