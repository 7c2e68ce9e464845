"""Who may do what. Three roles, each with the rights of the one before it: `läsare` reads and downloads,
`planerare` also saves, renames, deletes and restores scenarios, `förvaltare` also imports data, undoes imports,
sets recommendation status (an import of its own) and writes the administration's proposal for a decision; in the
goal follow-up a planerare drafts bedömning and analys, a förvaltare adds goals, sets årsmål and activities,
confirms and reports. Every write checks its actor here, whatever path it came by (a page, a widget value sent by
hand, a URL), so hiding a control is a courtesy, not the protection.
"""

import os
import pwd
import tomllib
from dataclasses import dataclass
from enum import IntEnum

from dashboard.base import paths


class Role(IntEnum):
    LASARE = 1
    PLANERARE = 2
    FORVALTARE = 3


ROLE_NAMES = {Role.LASARE: "läsare", Role.PLANERARE: "planerare", Role.FORVALTARE: "förvaltare"}
NEEDS = {"save_scenario": Role.PLANERARE, "rename_scenario": Role.PLANERARE, "delete_scenario": Role.PLANERARE,
         "restore_scenario": Role.PLANERARE, "import": Role.FORVALTARE, "undo_import": Role.FORVALTARE,
         "write_proposal": Role.FORVALTARE, "add_goal": Role.FORVALTARE, "set_target": Role.FORVALTARE,
         "draft_assessment": Role.PLANERARE, "confirm_assessment": Role.FORVALTARE, "lock_period": Role.FORVALTARE,
         "unlock_period": Role.FORVALTARE, "set_activity": Role.FORVALTARE,
         "see_staff_detail": Role.FORVALTARE, "erase_supporter": Role.FORVALTARE}
WHAT = {"save_scenario": "spara scenarier", "rename_scenario": "byta namn på scenarier",
        "delete_scenario": "ta bort scenarier", "restore_scenario": "återställa scenarier",
        "import": "importera data", "undo_import": "ångra importer",
        "write_proposal": "skriva förvaltningens förslag till beslut", "add_goal": "lägga till nämndmål",
        "set_target": "sätta årsmål", "draft_assessment": "skriva utkast till bedömning och analys",
        "confirm_assessment": "bekräfta bedömning och analys", "lock_period": "rapportera och låsa en period",
        "unlock_period": "låsa upp en rapporterad period", "set_activity": "följa upp aktiviteter",
        "see_staff_detail": "se frånvaro och arbetstid per verksamhet",
        "erase_supporter": "radera en peer supporters uppgifter"}


class PermissionDenied(PermissionError):
    """The actor's role does not allow the action; the message is Swedish."""


@dataclass(frozen=True)
class Actor:
    name: str        # what the logs record: an e-mail address with the provider's id for the user, or an
                     # operating-system user with how
    role: Role
    how: str         # 'inloggad', 'lokalt läge', 'kommandorad' or 'ej inloggad'
    shown: str = ""  # who, on screen, when it is shorter than the name (the e-mail address alone)

    def may(self, action: str) -> bool:
        return self.role >= NEEDS[action]


def require(actor: Actor, action: str) -> None:
    if not actor.may(action):
        raise PermissionDenied(f"Att {WHAT[action]} kräver rollen {ROLE_NAMES[NEEDS[action]]}; du är "
                               f"{ROLE_NAMES[actor.role]}. Ingenting har ändrats.")


def os_user() -> str:
    """The user the process runs as, from the password database: not `LOGNAME` or `USER`, which whoever starts
    the command sets as they like."""
    try:
        return pwd.getpwuid(os.getuid()).pw_name
    except KeyError:   # no entry for this uid (a container)
        return f"uid {os.getuid()}"


def operator() -> Actor:
    """Who runs the command line: the operating-system user, an operator with every right, unless the deployment's
    secrets name its operators (`[peer_roles] operators = ["peer-admin"]`): then anyone else is a läsare, whose
    writes are refused before anything is written. (On a shared host the store's own permissions stay the lock;
    this makes the refusal a Swedish sentence.)"""
    listed = operators()
    role = Role.FORVALTARE if listed is None or os_user() in listed else Role.LASARE
    return Actor(f"{os_user()} (kommandorad)", role, "kommandorad")


def operators() -> set[str] | None:
    """The operating-system users the secrets name as operators; None where they name none (local mode)."""
    try:
        with open(paths.SECRETS, "rb") as file:
            listed = tomllib.load(file).get("peer_roles", {}).get("operators")
    except FileNotFoundError:
        return None
    return None if listed is None else {str(name) for name in listed}


def signed_in(claims: dict, config: dict) -> Actor:
    """A signed-in user from the ID token's claims. The e-mail address (or user name) is only a label, since many
    providers let users set it; the provider's stable id for the user (`oid` in Entra ID, else `sub`) is
    recorded beside it."""
    label = str(claims.get("email") or claims.get("preferred_username") or claims.get("name") or "okänd")
    key = "oid" if claims.get("oid") else "sub"
    name = f"{label} ({key} {claims[key]})" if claims.get(key) else label
    return Actor(name, role_for(claims, config), "inloggad", shown=label)


def role_for(claims: dict, config: dict) -> Role:
    """The role the `[peer_roles]` secrets give these claims, the highest that matches, else läsare. Each list is
    matched against its own claim only: `<role>_roles` against `roles` (Entra ID app roles), `<role>_groups`
    against the groups claim (`groups_claim`, by default `groups`), `<role>_emails` against `email` when the
    provider says it verified it (`email_verified`) and the token's issuer is `issuer`. With `issuer` set, a
    token from any other issuer is läsare."""
    issuer = config.get("issuer")
    if issuer and claims.get("iss") != issuer:
        return Role.LASARE
    verified = issuer and claims.get("email_verified") is True
    held = {"roles": _values(claims.get("roles")),
            "groups": _values(claims.get(config.get("groups_claim", "groups"))),
            "emails": _values(claims.get("email")) if verified else set()}
    for role, prefix in ((Role.FORVALTARE, "forvaltare"), (Role.PLANERARE, "planerare")):
        if any(held[kind] & _values(config.get(f"{prefix}_{kind}")) for kind in held):
            return role
    return Role.LASARE


def no_role_reason(claims: dict) -> str:
    """Why a signed-in user got no role beyond läsare, in Swedish, where the token says: Entra ID replaces the
    groups claim with a pointer (`_claim_names`) for a user in more groups than a token holds, and roles then come
    only from app roles (`roles`)."""
    if claims.get("roles"):
        return ""
    overage = "groups" in (claims.get("_claim_names") or {})
    return ("Din inloggning gav ingen roll i tjänsten, så du kan läsa men inte ändra något. "
            + ("Du är med i för många grupper för att Entra ID ska skicka dem med inloggningen, och tjänsten läser "
               "därför roller bara från appens roller (PEER.Forvaltare, PEER.Planerare). " if overage else "")
            + "Be den som administrerar tjänsten att tilldela dig en roll om du behöver mer än att läsa.")


def _values(value) -> set[str]:
    """A claim's or a setting's strings, compared without case (group ids and addresses have none that matters)."""
    items = value if isinstance(value, (list, tuple)) else [] if value is None else [value]
    return {item.casefold() for item in items if isinstance(item, str) and item}
