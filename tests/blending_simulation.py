"""An independent discrete-event simulation of call blending (for tests/test_blending.py).

Written apart from wfmcourse.domain.blending (no Markov chain): a plain-Python event list of agents,
a FCFS call queue and an endless pile of backlog work. Policy, phone first: a call that arrives goes
to an idle agent if there is one, otherwise it waits. An agent who becomes free takes the first waiting
call; with no call waiting she starts a backlog item if more than `reserve` agents would otherwise be
idle, or else stays idle. Backlog items are never interrupted. Call handling times are exponential
(mean aht), backlog items exponential (mean item_time) unless `item_times` is "fixed".

Returns the mean and a standard error (batch means over `batches` equal batches after a warm-up) of
the service level (answered within awt), P(wait > 0), the ASA and the backlog items finished per second.
"""
from __future__ import annotations

import heapq
import math
import random
from collections import deque


def simulate(agents, traffic, aht, awt, item_time, reserve, *, hours=2000.0, batches=20, seed=1,
             item_times="exponential"):
    rng = random.Random(seed)
    lam = traffic / aht
    horizon = hours * 3600.0
    warm = horizon / (batches + 1)
    events = []                      # (time, kind, agent)
    idle = set(range(agents))
    queue = deque()
    stats = [[0, 0, 0, 0.0, 0] for _ in range(batches)]    # calls, in time, waited, total wait, items

    def batch(t):
        return None if t < warm else min(int((t - warm) / ((horizon - warm) / batches)), batches - 1)

    def item_length():
        return item_time if item_times == "fixed" else rng.expovariate(1.0 / item_time)

    def free(agent, now):
        if queue:
            arrived = queue.popleft()
            b = batch(arrived)
            if b is not None:
                wait = now - arrived
                stats[b][1] += wait <= awt
                stats[b][2] += 1
                stats[b][3] += wait
            heapq.heappush(events, (now + rng.expovariate(1.0 / aht), "call_end", agent))
        elif len(idle) + 1 > reserve:
            heapq.heappush(events, (now + item_length(), "item_end", agent))
        else:
            idle.add(agent)

    # start: agents above the reserve on backlog work
    for agent in list(idle)[: max(agents - reserve, 0)]:
        idle.discard(agent)
        heapq.heappush(events, (item_length(), "item_end", agent))
    heapq.heappush(events, (rng.expovariate(lam), "arrival", -1))
    while events:
        now, kind, agent = heapq.heappop(events)
        if now > horizon:
            break
        if kind == "arrival":
            b = batch(now)
            if b is not None:
                stats[b][0] += 1
            if idle:
                taker = idle.pop()
                if b is not None:
                    stats[b][1] += 1
                heapq.heappush(events, (now + rng.expovariate(1.0 / aht), "call_end", taker))
            else:
                queue.append(now)
            heapq.heappush(events, (now + rng.expovariate(lam), "arrival", -1))
        else:
            if kind == "item_end":
                b = batch(now)
                if b is not None:
                    stats[b][4] += 1
            free(agent, now)
    length = (horizon - warm) / batches
    per_batch = {
        "service_level": [s[1] / s[0] for s in stats],
        "wait_probability": [s[2] / s[0] for s in stats],
        "asa": [s[3] / s[0] for s in stats],
        "backlog_rate": [s[4] / length for s in stats],
    }
    out = {}
    for key, values in per_batch.items():
        mean = sum(values) / batches
        var = sum((v - mean) ** 2 for v in values) / (batches - 1)
        out[key] = (mean, math.sqrt(var / batches))
    return out


def dense_chain(agents, traffic, aht, awt, item_time, reserve, calls):
    """The blended queue as a plain dense Markov chain, truncated at `calls` calls (small cases only).

    Independent of the module's quasi-birth-death solution: the states and moves are listed one by one
    in Python from the policy in words, the balance equations solved densely, and the waiting time of an
    arriving call computed with a matrix exponential (scipy.linalg.expm) of the absorbing chain of the
    agents it waits for. Returns service_level, wait_probability, asa, backlog_busy (mean agents on
    backlog work)."""
    import numpy as np
    from scipy.linalg import expm

    n, lam, mu, nu = agents, traffic / aht, 1.0 / aht, 1.0 / item_time
    top = max(n - reserve, 0)
    states = [(k, m) for k in range(calls + 1) for m in range(top + 1)]
    where = {s: i for i, s in enumerate(states)}
    q = np.zeros((len(states), len(states)))
    for (k, m), i in where.items():
        talking = min(k, n - m)
        queued = k - talking
        if k < calls:
            q[i, where[(k + 1, m)]] += lam
        if talking:
            idle = n - m - (k - 1)
            nxt = (k - 1, m + 1) if queued == 0 and idle > reserve and m < top else (k - 1, m)
            q[i, where[nxt]] += mu * talking
        if m:
            idle = n - (m - 1) - k
            if queued or idle <= reserve:
                q[i, where[(k, m - 1)]] += nu * m
    np.fill_diagonal(q, -q.sum(axis=1))
    system = np.vstack((q.T, np.ones(len(states))))
    pi = np.linalg.lstsq(system, np.r_[np.zeros(len(states)), 1.0], rcond=None)[0]
    arriving = np.array([p if k < calls else 0.0 for (k, _), p in zip(states, pi)])
    arriving /= arriving.sum()
    # the wait: (freeings still needed i, agents on backlog m) -> absorbed when i = 0
    most = calls + 1
    phases = [(i, m) for i in range(1, most + 1) for m in range(top + 1)]
    at = {s: j for j, s in enumerate(phases)}
    t = np.zeros((len(phases), len(phases)))
    for (i, m), j in at.items():
        if i > 1:
            t[j, at[(i - 1, m)]] += mu * (n - m)
            if m:
                t[j, at[(i - 1, m - 1)]] += nu * m
        t[j, j] = -(mu * (n - m) + nu * m)
    survive = expm(t * awt).sum(axis=1)
    mean = np.linalg.solve(-t, np.ones(len(phases)))
    late = wait = asa = 0.0
    for (k, m), p in zip(states, arriving):
        if k >= n - m and p > 0:
            j = at[(k - (n - m) + 1, m)]
            wait += p
            late += p * survive[j]
            asa += p * mean[j]
    return dict(service_level=1.0 - late, wait_probability=wait, asa=asa,
                backlog_busy=float(sum(p * m for (_, m), p in zip(states, pi))))
