"""Configuration from the environment, read when asked (so a test or a deployment can change it)."""

import os


def suppression_threshold() -> int:
    """Counts below this are suppressed; `PEER_SUPPRESSION_THRESHOLD` overrides the default 5. A setting of the
    deployment, never a parameter a caller can lower."""
    return int(os.environ.get("PEER_SUPPRESSION_THRESHOLD", "5"))


def staleness_days() -> int:
    """Days after its reference period that an observation still counts as current; `PEER_STALE_DAYS`
    overrides the default of about six months (183 days), after which it is shown as last known."""
    return int(os.environ.get("PEER_STALE_DAYS", "183"))


STAFF_MINIMUM = 3   # the rule for staff data can be made stricter, never looser than this


def staff_threshold() -> int:
    """How many supporters must stand behind a per-unit or per-area staff figure (absences, working time):
    `PEER_STAFF_THRESHOLD`, default 3; a lower setting is ignored, since no one may loosen the rule."""
    return max(STAFF_MINIMUM, int(os.environ.get("PEER_STAFF_THRESHOLD", str(STAFF_MINIMUM))))
