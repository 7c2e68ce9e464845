"""Who may do what. Three roles, each with the rights of the one before it: `läsare` reads and downloads,
`planerare` also saves, renames, deletes and restores scenarios, `förvaltare` also imports data, undoes imports
and sets recommendation status (an import of its own). Every write checks its actor here, whatever path it came
by (a page, a widget value sent by hand, a URL), so hiding a control is a courtesy, not the protection.
"""

import getpass
from dataclasses import dataclass
from enum import IntEnum


class Role(IntEnum):
    LASARE = 1
    PLANERARE = 2
    FORVALTARE = 3


ROLE_NAMES = {Role.LASARE: "läsare", Role.PLANERARE: "planerare", Role.FORVALTARE: "förvaltare"}
NEEDS = {"save_scenario": Role.PLANERARE, "rename_scenario": Role.PLANERARE, "delete_scenario": Role.PLANERARE,
         "restore_scenario": Role.PLANERARE, "import": Role.FORVALTARE, "undo_import": Role.FORVALTARE}
WHAT = {"save_scenario": "spara scenarier", "rename_scenario": "byta namn på scenarier",
        "delete_scenario": "ta bort scenarier", "restore_scenario": "återställa scenarier",
        "import": "importera data", "undo_import": "ångra importer"}


class PermissionDenied(PermissionError):
    """The actor's role does not allow the action; the message is Swedish."""


@dataclass(frozen=True)
class Actor:
    name: str        # what the logs record: an e-mail address, or an operating-system user with how
    role: Role
    how: str         # 'inloggad', 'lokalt läge', 'kommandorad' or 'ej inloggad'

    def may(self, action: str) -> bool:
        return self.role >= NEEDS[action]


def require(actor: Actor, action: str) -> None:
    if not actor.may(action):
        raise PermissionDenied(f"Att {WHAT[action]} kräver rollen {ROLE_NAMES[NEEDS[action]]}; du är "
                               f"{ROLE_NAMES[actor.role]}. Ingenting har ändrats.")


def os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):   # no user name for this uid (a container)
        return "okänd"


def operator() -> Actor:
    """Who runs the command line: the operating-system user, an operator with every right."""
    return Actor(f"{os_user()} (kommandorad)", Role.FORVALTARE, "kommandorad")


def role_for(email: str, claims: dict, config: dict) -> Role:
    """A signed-in user's role from the `[peer_roles]` secrets: lists of e-mail addresses or values of a claim
    (e.g. Entra ID group ids in `groups`) per role; the highest that matches, else läsare."""
    claim = config.get("claim", "groups")
    values = claims.get(claim) or []
    held = {str(v).lower() for v in (values if isinstance(values, list) else [values])} | {email.lower()}
    for role, key in ((Role.FORVALTARE, "forvaltare"), (Role.PLANERARE, "planerare")):
        if held & {str(v).lower() for v in config.get(key, [])}:
            return role
    return Role.LASARE
