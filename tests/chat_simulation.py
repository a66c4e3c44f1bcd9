"""Reference models of live chat with concurrency, independent of wfmcourse.

* :func:`simulate_chat` - a discrete-event simulation in simpy of agents with ``max_chats`` chat
  slots each, least-loaded routing (a new chat goes to an agent with the fewest chats, ties at
  random), one FCFS queue when every slot is taken, and exponential patience. An agent holding
  ``j`` chats finishes one of them (chosen at random) after an exponential time with mean
  ``aht (1 + slowdown (j - 1)) / j``; when its concurrency changes the remaining time is drawn
  again (memoryless). Batch means over equal stretches of simulated time.
* :func:`full_chain` - the exact continuous-time Markov chain of that routing over the agents'
  occupancy vectors (as a multiset: agents are exchangeable under least-loaded routing) and the
  queue length, solved with scipy sparse.
"""
from __future__ import annotations

import itertools
from collections import deque

import numpy as np
import scipy.sparse as sp
import scipy.sparse.linalg as spla
import simpy


def simulate_chat(agents, traffic, aht, max_chats, slowdown, patience, awt, *, hours, seed,
                  batches=20, warmup_hours=1.0):
    """Batch means of p_wait, service_level, asa, abandonment, occupancy, mean_concurrency.

    Returns {metric: (mean, standard error of the mean over ``batches`` batches)}."""
    rng = np.random.default_rng(seed)
    env = simpy.Environment()
    lam = traffic / aht
    load = [0] * agents
    wake = [env.event() for _ in range(agents)]
    queue = deque()
    chats = []               # per chat: [arrival, wait or None, answered, waited]
    area = {"busy": 0.0, "chats": 0.0, "last": 0.0}
    warm = warmup_hours * 3600.0
    span = hours * 3600.0 / batches
    marks = []               # (time, busy area, chats area) at the batch edges

    def account():
        now = env.now
        area["busy"] += (now - area["last"]) * sum(1 for x in load if x)
        area["chats"] += (now - area["last"]) * sum(load)
        area["last"] = now

    def assign(i, record):
        account()
        load[i] += 1
        record[1] = env.now - record[0]
        record[2] = True
        if not wake[i].triggered:
            wake[i].succeed()

    def agent(i):
        while True:
            if load[i] == 0:
                yield wake[i]
                wake[i] = env.event()
                continue
            j = load[i]
            done = env.timeout(rng.exponential(aht * (1.0 + slowdown * (j - 1)) / j))
            yield done | wake[i]
            if wake[i].triggered:            # a new chat arrived: concurrency changed, redraw
                wake[i] = env.event()
                continue
            account()
            load[i] -= 1
            if queue:                          # FCFS: the head of the queue takes the free slot
                assign(i, queue.popleft())

    def renege(record, patience_time):
        yield env.timeout(patience_time)
        if record[2] is None:                  # still waiting: leaves the queue
            queue.remove(record)
            record[2] = False
            record[1] = env.now - record[0]

    def source():
        while True:
            yield env.timeout(rng.exponential(1.0 / lam))
            record = [env.now, None, None, False]
            chats.append(record)
            low = min(load)
            if low < max_chats and not queue:
                choices = [i for i, x in enumerate(load) if x == low]
                assign(choices[rng.integers(len(choices))], record)
            else:
                record[3] = True
                queue.append(record)
                if patience is not None:
                    env.process(renege(record, rng.exponential(patience)))

    def marker():
        yield env.timeout(warm)
        for _ in range(batches + 1):
            account()
            marks.append((env.now, area["busy"], area["chats"]))
            yield env.timeout(span)

    for i in range(agents):
        env.process(agent(i))
    env.process(source())
    env.process(marker())
    env.run(until=warm + batches * span + 1e-9)

    arrival = np.array([c[0] for c in chats])
    done = np.array([c[2] is not None for c in chats])
    answered = np.array([bool(c[2]) for c in chats])
    waited = np.array([c[3] for c in chats])
    wait = np.array([np.nan if c[1] is None else c[1] for c in chats])
    out = {k: [] for k in ("p_wait", "service_level", "asa", "abandonment", "occupancy",
                           "mean_concurrency")}
    for b in range(batches):
        (t0, busy0, chats0), (t1, busy1, chats1) = marks[b], marks[b + 1]
        sel = (arrival >= t0) & (arrival < t1) & done
        out["p_wait"].append(waited[sel].mean())
        out["service_level"].append((answered[sel] & (wait[sel] <= awt)).mean())
        out["asa"].append(wait[sel & answered].mean())
        out["abandonment"].append((~answered[sel]).mean())
        out["occupancy"].append((busy1 - busy0) / ((t1 - t0) * agents))
        out["mean_concurrency"].append((chats1 - chats0) / (busy1 - busy0))
    return {k: (float(np.mean(v)), float(np.std(v, ddof=1) / np.sqrt(len(v))))
            for k, v in out.items()}


def full_chain(agents, traffic, aht, max_chats, slowdown, patience, *, max_queue=1000):
    """Exact stationary metrics of least-loaded routing: p_wait, occupancy, mean_concurrency,
    abandonment and the stationary probability of the state 'every slot busy, no queue'.

    States: the sorted occupancy vector of the agents, and the queue length when every agent is
    full (up to ``max_queue``; the tail beyond it is negligible for the cases used)."""
    lam = traffic / aht
    theta = 0.0 if patience is None else 1.0 / patience

    def rate(j):
        return j / (aht * (1.0 + slowdown * (j - 1))) if j else 0.0

    vectors = [tuple(v) for v in itertools.combinations_with_replacement(range(max_chats + 1), agents)]
    full = tuple([max_chats] * agents)
    states = [(v, 0) for v in vectors] + [(full, q) for q in range(1, max_queue + 1)]
    index = {s: i for i, s in enumerate(states)}
    rows, cols, vals = [], [], []

    def add(a, b, r):
        if r > 0:
            rows.append(index[a])
            cols.append(index[b])
            vals.append(r)

    for (v, q) in states:
        if v == full:
            if q < max_queue:
                add((v, q), (v, q + 1), lam)
            if q > 0:
                add((v, q), (v, q - 1), agents * rate(max_chats) + q * theta)
            else:
                w = list(v)
                w[0] -= 1          # any agent: all full
                add((v, q), (tuple(sorted(w)), 0), agents * rate(max_chats))
            continue
        w = list(v)
        w[0] += 1                  # the least-loaded agent (sorted: the first)
        add((v, 0), (tuple(sorted(w)), 0), lam)
        for j in set(v):
            if j == 0:
                continue
            count = v.count(j)
            w = list(v)
            w[w.index(j)] -= 1
            add((v, 0), (tuple(sorted(w)), 0), count * rate(j))
    size = len(states)
    gen = sp.csr_matrix((vals, (rows, cols)), shape=(size, size))
    gen = gen - sp.diags(np.asarray(gen.sum(axis=1)).ravel())
    a = gen.T.tolil()
    a[0, :] = 1.0
    rhs = np.zeros(size)
    rhs[0] = 1.0
    pi = spla.spsolve(a.tocsc(), rhs)
    busy = np.array([sum(1 for x in v if x) for v, _ in states])
    in_service = np.array([sum(v) for v, _ in states])
    queued = np.array([q for _, q in states])
    is_full = np.array([v == full for v, _ in states])
    return {
        "p_wait": float(pi[is_full].sum()),
        "occupancy": float(pi @ busy / agents),
        "mean_concurrency": float((pi @ in_service) / (pi @ busy)),
        "abandonment": float(theta * (pi @ queued) / lam),
        "tail": float(pi[-1]),
    }
