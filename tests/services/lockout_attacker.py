"""A separate process that signs in with wrong passwords as soon as every other attacker is ready (the
parallel-attempts test starts several of these through multiprocessing)."""

from __future__ import annotations


def attack(url: str, username: str, password: str, attempts: int, barrier, results) -> None:
    """Open the database, wait at `barrier` for the others, then try `attempts` times; put the codes on `results`."""
    from hrapp.context import ServiceContext
    from hrapp.errors import AuthenticationError
    from hrapp.services import accounts

    ctx = ServiceContext.open(url, migrate=False)
    codes: list[str] = []
    try:
        accounts.lockout_policy(ctx)  # the rule book read before the start, so that the attempts overlap
        barrier.wait(timeout=120)
        for _ in range(attempts):
            try:
                accounts.authenticate(ctx, username, password)
                codes.append("ok")
            except AuthenticationError as exc:
                codes.append(exc.code)
    finally:
        ctx.engine.dispose()
        results.put(codes)
