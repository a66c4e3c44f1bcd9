"""Reference queue in simpy, independent of wfmcourse: Poisson arrivals, exponential handle times,
optional exponential patience, first come first served. Used by the Erlang and simulator tests."""
import numpy as np
import simpy


def simpy_queue(agents, traffic, aht, patience, calls, seed):
    """Return (wait, answered) per call in arrival order; random numbers drawn as gaps, handle, patience."""
    rng = np.random.default_rng(seed)
    gaps = rng.exponential(aht / traffic, calls)
    handle = rng.exponential(aht, calls)
    give_up = rng.exponential(patience, calls) if patience is not None else np.full(calls, np.inf)
    wait = np.zeros(calls)
    answered = np.zeros(calls, dtype=bool)
    env = simpy.Environment()
    desks = simpy.Resource(env, capacity=agents)

    def caller(i):
        arrived = env.now
        with desks.request() as request:
            if np.isfinite(give_up[i]):
                outcome = yield request | env.timeout(give_up[i])
                served = request in outcome
            else:
                yield request
                served = True
            wait[i] = env.now - arrived
            if served:
                answered[i] = True
                yield env.timeout(handle[i])

    def source():
        for i in range(calls):
            yield env.timeout(gaps[i])
            env.process(caller(i))

    env.process(source())
    env.run()
    return wait, answered
