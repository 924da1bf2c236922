"""The ledger step in proportion to what changed, not to the whole ledger.

Claims join only inside blocks (a figure's number, a quote's or statement's words and their
MinHash bands), and inside blocks only in join parts (``ledger.join._Clusters``: claims linked by
pairs the join finds to be one fact, refused merges included), which join alone exactly as in the
whole join. A build that adds or re-extracts K articles therefore recomputes:

1. the join parts the changed articles' old and new claims reach (``_reached``: the parts of the
   kept claims a new claim is judged one fact with, the parts of number blocks whose relay corpus
   changed, and those a words block's changed first claim meets), joined again with
   ``ledger.join`` with their whole blocks' relay corpora and first claims, fact ids kept from the
   facts they replace;
2. the quantities (population, measure) of the facts that changed: their series and the
   conflicts, revisions and retellings within them;
3. the timeline entries of the facts that changed,

and writes only those rows. The result is the ledger ``ledger.build_ledger`` gives on all articles
and claims with the stored ledger as ``previous`` (a test), and ``build_ledger`` keeps each list
in the canonical order that ``canonical`` restores on reading.

Kept between builds in the ``ledger_*`` tables (``store.flat.STATE_SCHEMA``): the articles changed
since the last ledger step, each claim's fact, join part, block keys, relays and possessive place,
each article's named sources, each fact's and series' quantity. The whole ledger is rebuilt when
there is no such state, when the ledger's code or data files changed (``fingerprint``), when the
places that contain others changed, or when most articles changed.
"""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple, Optional

from storyledger.ledger import build_ledger, collector_paused, inputs_kept_out_of_gc
from storyledger.ledger.disagree import build_disagreements
from storyledger.ledger.evidence import Corpus
from storyledger.ledger.join import SAME_ARTICLE_DAYS, Telling, _Judgements, _number_blocks, _text_key, \
    article_names, build_facts, compatible, day, make_tellings, relay_corpus, relay_of, text_minhash
from storyledger.ledger.series import build_series, containers, population_key
from storyledger.ledger.sources import use_aliases
from storyledger.ledger.timeline import build_timeline
from storyledger.model import Claim, Fact, Ledger
from storyledger.words import name_key

# Past this share of changed articles one whole rebuild is cheaper than block-by-block work.
FULL_SHARE = 0.3
_KIND_ORDER = {"conflict": 0, "revision": 1, "retelling": 2}


@lru_cache(maxsize=1)
def fingerprint() -> str:
    """A hash of the code and data the ledger is computed from: state kept by other code is not reused."""
    root = Path(__file__).resolve().parent
    files = sorted((root / "ledger").glob("*.py")) + sorted((root / "data").glob("*.json")) + \
        [root / n for n in ("ledger_update.py", "model.py", "wording.py", "words.py", "tables.py")]
    h = hashlib.sha1()
    for f in files:
        if f.exists():
            h.update(f.name.encode() + b"\0" + f.read_bytes())
    return h.hexdigest()[:16]


def _fact_order(f: Fact) -> tuple:
    return (day(f.first_published) or 10**9, f.first_published or "", f.id)


def canonical(led: Ledger) -> Ledger:
    """Each list in the order ``build_ledger`` gives it."""
    told = sorted(led.facts + led.statements, key=_fact_order)   # an update writes both kinds as one list
    led.facts = [f for f in told if f.kind == "figure"]
    led.statements = [f for f in told if f.kind != "figure"]
    led.series.sort(key=lambda s: (s.parent is not None, s.label, s.id))
    led.disagreements.sort(key=lambda d: (_KIND_ORDER.get(d.kind, 9), d.id))
    led.timeline.sort(key=lambda t: (t.start or "", t.end or "", day(t.first_published) or 10**9, t.id))
    return led


# -- what is kept per claim, fact and series ----------------------------------------------------

@lru_cache(maxsize=1)
def _lsh_ranges():
    """The band layout of ``ledger.join._join_texts``'s MinHash LSH."""
    from datasketch import MinHashLSH
    return MinHashLSH(threshold=0.8, num_perm=64).hashranges


def _bands(key: str) -> list[str]:
    m, _ = text_minhash(key)
    return [f"{n}:{m.hashvalues[a:b].tobytes().hex()}" for n, (a, b) in enumerate(_lsh_ranges())]


def block_keys(c: Claim) -> list[str]:
    """The blocks a claim is compared in: a figure's numbers; a text's words (exact) and its LSH bands.
    Two claims can join only through a chain of shared keys."""
    if c.kind == "figure":
        return ["n" + repr(k) for k in _number_blocks(c)]
    key = _text_key(c)
    if not key:
        return []
    out = [_t_key(c.kind, key)]
    if len(key.split()) >= 6:
        out += [f"b{c.kind}{b}" for b in _bands(key)]
    return out


def quantity(f: Fact) -> Optional[str]:
    """The quantity a fact counts (its series are built from all facts of one quantity together)."""
    pk = population_key(f)
    return f"{pk}\x1f{f.measure}" if pk else None


def _possessive(where: Optional[str]) -> Optional[str]:
    """The place when it says what contains what ("Russia's Kursk region"): what ``containers`` reads."""
    return where if where and "s" in name_key(where).split()[1:] else None


def _inside_key(inside: dict[str, set[str]]) -> str:
    return json.dumps({k: sorted(v) for k, v in sorted(inside.items())})


def _remember(store, claims: list[Claim], fact_of: dict[str, str]) -> None:
    store.insert_state("ledger_claims", ("claim", "article", "fact", "place"),
                       [(c.id, c.article, fact_of.get(c.id), _possessive(c.where)) for c in claims])
    store.insert_state("ledger_relays", ("claim", "relays"),
                       [(c.id, json.dumps(r)) for c in claims if c.kind == "figure" and (r := relay_of(c))])
    store.insert_state("ledger_blocks", ("key", "claim"), [(k, c.id) for c in claims for k in block_keys(c)])
    store.insert_state("ledger_articles", ("article", "names"),
                       [(a, json.dumps(list(n))) for a, n in article_names(claims).items()])


def _remember_ledger(store, facts: list[Fact], series) -> None:
    q = {f.id: quantity(f) for f in facts}
    store.insert_state("ledger_facts", ("fact", "quantity"), list(q.items()))
    store.insert_state("ledger_series", ("series", "quantity"),
                       [(s.id, q.get(s.points[0].fact) if s.points else "") for s in series])


# -- the two ways ---------------------------------------------------------------------------------

def _state(store) -> str:
    """The fingerprint of the code, data and the user's alias file (``build --aliases``) the ledger is
    computed with; the alias table is put in place for the ledger functions as a side effect."""
    aliases = store.get_meta("aliases") or None
    use_aliases(aliases)
    return fingerprint() + (("+" + hashlib.sha1(aliases.encode("utf-8")).hexdigest()[:12]) if aliases else "")


def update(store) -> None:
    """Bring the stored ledger up to date with the stored articles and claims (the caller commits)."""
    store.lock_ledger()
    dirty = store.dirty_articles()
    with inputs_kept_out_of_gc(), collector_paused():
        if store.get_meta("ledger_state") != _state(store) or len(dirty) > FULL_SHARE * store.count("articles"):
            rebuild(store)
        elif dirty:
            _update(store, dirty)


def rebuild(store) -> Ledger:
    """The whole ledger from all articles and claims, and the state for the next update."""
    claims = store.claims()
    parts: dict[str, str] = {}
    led = build_ledger(store.articles(), claims, previous=store.ledger(), aliases=store.get_meta("aliases") or None,
                       parts=parts)
    store.put_ledger(led)
    store.clear_state()
    _remember(store, claims, {c: f.id for f in led.facts + led.statements for c in f.claims})
    store.insert_state("ledger_parts", ("claim", "part"), list(parts.items()))
    _remember_ledger(store, led.facts + led.statements, led.series)
    store.index_state()
    store.set_meta("ledger_inside", _inside_key(containers(store.possessive_places())))
    store.set_meta("ledger_state", _state(store))
    return led


def _with_copies(store, ids: set[str]) -> set[str]:
    """The articles and every near-copy under them: a copy's root article decides its tellings."""
    out, frontier = set(ids), set(ids)
    while frontier:
        frontier = store.copies_of(frontier) - out
        out |= frontier
    return out


def _roots(store, ids: Iterable[str]) -> tuple[dict[str, str], set[str]]:
    """Each article's root (following duplicate_of) and every article on the way."""
    parent: dict[str, str] = {}
    frontier, seen = set(ids), set(ids)
    while frontier:
        step = store.duplicates_of(frontier)
        parent.update(step)
        frontier = set(step.values()) - seen
        seen |= frontier
    roots = {}
    for a in seen:
        cur, path = a, {a}
        while cur in parent and parent[cur] in seen and parent[cur] not in path:
            cur = parent[cur]
            path.add(cur)
        roots[a] = cur
    return roots, seen


def _update(store, changed: set[str]) -> None:
    dirty = _with_copies(store, changed)
    old = store.state_rows("ledger_claims", "article", dirty, "claim, fact")
    gone = [c for c, _ in old]
    gone_keys = store.state_rows("ledger_blocks", "claim", gone, "key, claim")
    gone_relays = {c: json.loads(r) for c, r in store.state_rows("ledger_relays", "claim", gone, "claim, relays")}
    touched = {p for (p,) in store.state_rows("ledger_parts", "claim", gone, "part")}
    for table in ("ledger_blocks", "ledger_claims", "ledger_parts", "ledger_relays"):
        store.delete_where(table, "claim", gone)
    store.delete_where("ledger_articles", "article", dirty)
    new = store.claims_of(dirty)
    _remember(store, new, {})
    touched |= _reached(store, new, gone_keys, gone_relays)
    group = {c for (c,) in store.state_rows("ledger_parts", "part", touched, "claim")} | {c.id for c in new}
    replaced = {f for _, f in old if f} | {f for (f,) in store.state_rows("ledger_claims", "claim", group, "fact") if f}
    parts: dict[str, str] = {}
    facts = _join(store, group, replaced, parts)
    store.insert_state("ledger_parts", ("claim", "part"), list(parts.items()))
    _requantify(store, facts, replaced)
    fact_of = {c: f.id for f in facts for c in f.claims}
    store.insert_state("ledger_claims", ("claim", "article", "fact", "place"),
                       [(c, a, fact_of[c], p) for c, a, p in store.state_rows(
                           "ledger_claims", "claim", fact_of, "claim, article, place")])
    store.delete_where("ledger_dirty", "article", changed)


def _relays(store, keys: Iterable[str]) -> dict[str, dict[str, list]]:
    """Block key -> claim -> its ``relay_of`` pair, for the claims of those number blocks that relay."""
    out: dict[str, dict[str, list]] = defaultdict(dict)
    keys = list(keys)
    for n in range(0, len(keys), 500):
        chunk = keys[n:n + 500]
        for k, c, r in store.db.execute(
                "SELECT b.key, b.claim, r.relays FROM ledger_blocks b JOIN ledger_relays r ON r.claim = b.claim "
                f"WHERE b.key IN ({', '.join('?' * len(chunk))})", chunk):
            out[k][c] = json.loads(r)
    return out


def _sweep_order(t: Telling) -> tuple:
    """Where the join's sweep visits a telling of a block (``join._sweep_in_time``): the dated by start,
    then the undated; a visit meets earlier tellings only."""
    return (0, t.start, t.id) if t.start is not None else (1, 0, t.id)


def _meets(j: Telling, i: Telling) -> bool:
    """Has the visit of i (after j in ``_sweep_order``) j in its window?"""
    return i.start is None or j.end + SAME_ARTICLE_DAYS >= i.start  # type: ignore[operator]


def _reached(store, new: list[Claim], gone_keys: list[tuple[str, str]], gone_relays: dict[str, list]) -> set[str]:
    """The join parts (``ledger.join._Clusters``) that changed claims reach: the parts of the kept
    claims a new claim is found one fact with (a pair the join judges: one number block and meeting
    windows, or the same words), every part of a number block whose relay corpus changed, and the
    parts of first claims of words blocks whose first claim changed (the similar-words join runs
    between first claims). Joining these parts again with the new claims gives what a join of
    everything gives them; the other parts keep their facts."""
    new_ids = {c.id for c in new}
    added: dict[str, set[str]] = defaultdict(set)         # block key -> its new claims
    for c in new:
        for k in block_keys(c):
            if k[0] in "nt":
                added[k].add(c.id)
    removed: dict[str, set[str]] = defaultdict(set)
    for k, c in gone_keys:
        if k[0] in "nt":
            removed[k].add(c)
    keys = set(added) | set(removed)
    kept: dict[str, set[str]] = defaultdict(set)
    for k, c in store.state_rows("ledger_blocks", "key", keys, "key, claim"):
        if c not in new_ids:
            kept[k].add(c)
    part_of = dict(store.state_rows("ledger_parts", "claim", set().union(set(), *kept.values()), "claim, part"))
    touched: set[str] = set()

    def touch(cs: Iterable[str]) -> None:
        cs = [c for c in cs if c not in new_ids]
        part_of.update(store.state_rows("ledger_parts", "claim", [c for c in cs if c not in part_of], "claim, part"))
        touched.update(part_of[c] for c in cs)

    figs = sorted(k for k in keys if k[0] == "n")
    relays = _relays(store, figs)
    corpora = {}
    for k in figs:
        now = relays.get(k, {})
        corpora[k] = relay_corpus([], list(now.values()))
        before = relay_corpus([], [r for c, r in now.items() if c not in new_ids] +
                              [gone_relays[c] for c in removed.get(k, ()) if c in gone_relays])
        if dict(before.relayed) != dict(corpora[k].relayed):
            touch(kept[k])
    texts = sorted(k for k in keys if k[0] == "t")
    pairs = []          # (first claim of a words block whose first changed, first claim of a similar block)
    for k in texts:
        before, after = kept[k] | removed.get(k, set()), kept[k] | added.get(k, set())
        fb, fa = min(before, default=None), min(after, default=None)
        if fb == fa:
            continue
        touch([fb] if fb in kept[k] else [])
        if fa is not None:
            pairs += [(fa, f) for f in _similar_firsts(store, fa, k)]
    # the kept claims the new ones can meet, as tellings
    need = {c for k in keys if k in added for c in kept[k] if part_of.get(c) not in touched}
    need |= {c for p in pairs for c in p} - new_ids
    claims = store.claims_by_id(need) + new
    tellings = {t.id: t for t in _tellings(store, claims)}
    for k in figs:
        if k not in added:
            continue
        ts = [tellings[c] for c in sorted(kept[k] | added[k]) if c in tellings]
        idx = {t.id: n for n, t in enumerate(ts)}
        judge = _Judgements(ts, list(range(len(ts))), corpora[k])
        for n in sorted(added[k]):
            tn = ts[idx[n]]
            for o in sorted(kept[k]):
                if o not in idx or part_of.get(o) in touched:
                    continue
                to = ts[idx[o]]
                j, i = (to, tn) if _sweep_order(to) < _sweep_order(tn) else (tn, to)
                if _meets(j, i) and judge(idx[j.id], idx[i.id]) is not None:
                    touch([o])
    for k in texts:
        for n in sorted(added.get(k, ())):
            tn = tellings[n]
            for o in sorted(kept[k]):
                if o not in tellings or part_of.get(o) in touched:
                    continue
                to = tellings[o]
                j, i = (to, tn) if _sweep_order(to) < _sweep_order(tn) else (tn, to)
                if compatible(j, i):
                    touch([o])
    for a, b in pairs:
        ka, kb = _words(tellings[a]), _words(tellings[b])
        sa, sb = text_minhash(ka[1])[1], text_minhash(kb[1])[1]
        if len(sa & sb) / max(1, len(sa | sb)) < 0.8:
            continue
        i, j = (a, b) if ka < kb else (b, a)      # ``_join_texts`` compares the smaller key's first with the other's
        if compatible(tellings[i], tellings[j]):
            touch([a, b])
    return touched


def _words(t: Telling) -> tuple[str, str]:
    return (t.claim.kind, _text_key(t.claim))


def _t_key(kind: str, key: str) -> str:
    return "t" + hashlib.sha1(f"{kind}\x1f{key}".encode()).hexdigest()[:20]


def _similar_firsts(store, first: str, tkey: str) -> list[str]:
    """The first claims of the other words blocks sharing a MinHash band with the block ``first`` leads."""
    bands = [k for (k,) in store.state_rows("ledger_blocks", "claim", [first], "key") if k[0] == "b"]
    if not bands:
        return []
    rows = store.db.execute(
        "SELECT b2.key, MIN(b2.claim) FROM ledger_blocks b1 JOIN ledger_blocks b2 ON b2.claim = b1.claim "
        f"WHERE b1.key IN ({', '.join('?' * len(bands))}) AND b2.key LIKE 't%' GROUP BY b2.key", bands)
    return sorted(c for k, c in rows if k != tkey)


def _tellings(store, claims: list[Claim]) -> list[Telling]:
    """``join.make_tellings`` of some claims: their articles' duplicate chains and named sources from the store."""
    arts = {c.article for c in claims}
    _, chain = _roots(store, arts)
    names = {a: tuple(json.loads(n)) for a, n in store.state_rows("ledger_articles", "article", arts, "article, names")}
    return make_tellings(store.articles_by_id(chain), claims, names)


class _Taken(NamedTuple):
    """A fact id in use elsewhere in the ledger (``assign_ids`` reads only ``id`` and ``claims``)."""
    id: str
    claims: tuple = ()


def _join(store, group: set[str], replaced: set[str], parts: dict[str, str]) -> list[Fact]:
    """Facts of whole join parts, ids kept from the facts they replace; ``parts`` filled for their claims.
    Each number block's relay corpus and each words block's first claim are the whole block's."""
    claims = sorted(store.claims_by_id(group), key=lambda c: c.id)
    blocks = {k for c in claims if c.kind == "figure" for k in _number_blocks(c)}
    relays = _relays(store, ["n" + repr(k) for k in blocks])
    corpora = {k: list(relays.get("n" + repr(k), {}).values()) for k in blocks}
    words = {(c.kind, key) for c in claims if c.kind != "figure" and (key := _text_key(c))}
    tkeys = {_t_key(*w): w for w in words}
    firsts = {}
    tk = list(tkeys)
    for n in range(0, len(tk), 500):
        chunk = tk[n:n + 500]
        for k, c in store.db.execute(f"SELECT key, MIN(claim) FROM ledger_blocks WHERE key IN "
                                     f"({', '.join('?' * len(chunk))}) GROUP BY key", chunk):
            firsts[tkeys[k]] = c
    arts = {c.article for c in claims}
    _, chain = _roots(store, arts)
    names = {a: tuple(json.loads(n)) for a, n in store.state_rows("ledger_articles", "article", arts, "article, names")}
    previous = store.facts_by_id(replaced)
    # every other id is taken too: a new fact must not be handed one (as build_ledger does)
    others = [_Taken(i) for i in store.fact_ids() - replaced]
    prev = Ledger.model_construct(facts=previous + others, series=[], disagreements=[], timeline=[])
    facts, _ = build_facts(store.articles_by_id(chain), claims, prev, names, corpora=corpora, parts=parts,
                           firsts=firsts)
    return facts


def _requantify(store, facts: list[Fact], replaced: set[str]) -> None:
    """Series, disagreements and timeline of the quantities the changed facts count; rows rewritten."""
    old_q = {q for _, q in store.state_rows("ledger_facts", "fact", replaced, "fact, quantity") if q}
    touched = old_q | {q for f in facts if (q := quantity(f))}
    inside = containers(store.possessive_places())
    if _inside_key(inside) != store.get_meta("ledger_inside"):   # place scopes may move anywhere
        touched |= {q for (q,) in store.db.execute("SELECT DISTINCT quantity FROM ledger_facts") if q}
        store.set_meta("ledger_inside", _inside_key(inside))
    kept_ids = {f for (f,) in store.state_rows("ledger_facts", "quantity", touched, "fact")} - replaced
    kept = store.facts_by_id(kept_ids)
    # in the ledger's fact order: ties (the most common place of a series) go to the earlier fact
    related = sorted(kept + facts, key=_fact_order)
    in_q = [f for f in related if quantity(f) in touched]
    claims = {c.id: c for c in store.claims_by_id({c for f in related for c in f.claims})}
    roots, _ = _roots(store, {c.article for c in claims.values()})
    series = build_series(in_q, claims, inside)
    dis = build_disagreements(related, series, claims, roots, inside)
    old_series = [s for (s,) in store.state_rows("ledger_series", "quantity", touched, "series")]
    store.delete_where("disagreements", "series", old_series)
    store.delete_where("disagreements", "fact_a", replaced | kept_ids)
    store.delete_where("timeline", "id", ["t-" + f.removeprefix("f-") for f in replaced])
    store.delete_where("series", "id", old_series, also="parent IS NOT NULL")
    store.delete_where("series", "id", old_series)
    store.delete_where("facts", "id", replaced)
    store.delete_where("statements", "id", replaced)
    store.delete_where("ledger_facts", "fact", replaced)
    store.delete_where("ledger_series", "series", old_series)
    part = Ledger.model_construct(facts=facts, series=series, disagreements=dis, timeline=build_timeline(facts))
    store.write_ledger_part(part, store.fact_ids() | {f.id for f in facts}, {s.id for s in series})
    _remember_ledger(store, facts, [])
    by_id = {f.id: f for f in in_q}
    store.insert_state("ledger_series", ("series", "quantity"),
                       [(s.id, quantity(by_id[s.points[0].fact]) if s.points else "") for s in series])
