"""Count the demo ledger's conflicts by what they set against each other (docs/BENCHMARKS.md, issue 10).

Run: .venv/bin/python bench/demo_conflicts.py
"""
import tempfile, os
from storyledger import pipeline
from storyledger.cli import demo_corpus_files
from storyledger.ledger.join import place_key
from storyledger.ledger.places import within
from storyledger.store import LedgerStore
db = os.path.join(tempfile.mkdtemp(), "demo.db")
pipeline.build(demo_corpus_files(), db)
with LedgerStore(db, readonly=True) as st:
    led = st.ledger()
facts = {f.id: f for f in led.facts}
series = {s.id: s for s in led.series}
series_of = {p.fact: s.id for s in led.series for p in s.points}
plan_proj = scope_parent = self_c = 0
conf = [d for d in led.disagreements if d.kind == "conflict"]
for d in conf:
    a, b = facts[d.fact_a], facts[d.fact_b]
    sa, sb = series[series_of[a.id]], series[series_of[b.id]]
    self_c += bool({s.name for s in a.sources} & {s.name for s in b.sources})
    plan_proj += {sa.relation, sb.relation} & {"projection"} != set() or sa.id != sb.id and "planned" in (sa.measure, sb.measure)
    # a part against its whole: two linked series, or one place the table puts inside the other's
    pa, pb = place_key(a.where), place_key(b.where)
    scope_parent += sa.id != sb.id and (sa.parent == sb.id or sb.parent == sa.id) or within(pa, pb) or within(pb, pa)
    print(f"- {d.description} [days_apart={d.days_apart}, ratio={d.ratio}]")
print(f"conflicts {len(conf)}; plan-vs-projection {plan_proj}; scope-vs-parent {scope_parent}; self {self_c}; "
      f"revisions {sum(d.kind == 'revision' for d in led.disagreements)}; series {len(led.series)} "
      f"({sum(s.parent is not None for s in led.series)} linked to a parent)")
