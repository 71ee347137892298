"""Reading a site profile: find the file, parse the TOML, validate it, and tell the first mistake in one
sentence that names the key and the fix."""

from __future__ import annotations

import difflib
import tomllib
import types
import typing
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo

from checkout_integrity._exceptions import ProfileError
from checkout_integrity._profile import VARIABLES, Action, ChooseOffer, Profile
from checkout_integrity._profile_locators import Where, variables_in

PROFILES_FOLDER = "profiles"
EVERYWHERE = ("lang",)


def profile_path(choice: str, root: Path) -> Path:
    """The file `--site` names: a path (`profiles/shop.toml`, from here or from `root`) or the name of a
    profile in `root`'s profiles folder (`shop`)."""
    given = Path(choice)
    candidates = [given, root / given] if given.suffix == ".toml" or len(given.parts) > 1 else []
    candidates.append(root / PROFILES_FOLDER / f"{choice}.toml")
    for candidate in candidates:
        if candidate.is_file():
            return candidate
    known = sorted(path.stem for path in (root / PROFILES_FOLDER).glob("*.toml"))
    raise ProfileError(
        f"There is no site profile {choice!r} (looked for {', '.join(str(c) for c in candidates)}): give the "
        f"path of a .toml profile, or the name of one in {PROFILES_FOLDER}/ ({', '.join(known) or 'none yet'})."
    )


def load_profile(path: Path) -> Profile:
    """The profile in `path`, validated; ProfileError tells the first mistake and how to fix it."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as unreadable:
        raise ProfileError(f"The site profile {path} cannot be read ({unreadable.strerror}): check the path.") from None
    except tomllib.TOMLDecodeError as broken:
        raise ProfileError(f"The site profile {path} is not valid TOML ({broken}): fix the line it names.") from None
    try:
        profile = Profile.model_validate(data).model_copy(update={"path": path})
    except ValidationError as invalid:
        raise ProfileError(_first_mistake(path, invalid, data)) from None
    for key, template, allowed in _templates(profile):
        unknown = [name for name in variables_in(template) if name not in allowed]
        if unknown:
            raise ProfileError(
                f"The site profile {path} uses {{{unknown[0]}}} in {key}, which the harness does not fill in "
                f"there: use one of {', '.join(f'{{{name}}}' for name in allowed)}."
            )
    return profile


def _first_mistake(path: Path, invalid: ValidationError, data: dict[str, Any]) -> str:
    """The first validation error as one sentence: which key, what is wrong, what to write instead."""
    error = invalid.errors()[0]
    key = _key(_as_written(error["loc"], data))
    more = invalid.error_count() - 1
    also = f" ({more} more problem{'s' if more > 1 else ''} after this one)" if more else ""
    if error["type"] == "missing":
        field = _field(error["loc"])
        table = _model_in(field.annotation) if field is not None else None
        if table is not None and field is not None:
            first = next((name for name, inner in table.model_fields.items() if inner.is_required()), None)
            such = _example(error["loc"], field)
            if first is not None:
                such = f"[{key}] {_example((first,), table.model_fields[first])}"
            return f"The site profile {path} has no [{key}] table ({field.description}): add it, such as {such}{also}."
        what = f" ({field.description})" if field is not None and field.description else ""
        return f"The site profile {path} has no {key}{what}: add it, such as {_example(error['loc'], field)}{also}."
    if error["type"] == "extra_forbidden":
        parent, name = error["loc"][:-1], str(error["loc"][-1])
        nearest = difflib.get_close_matches(name, list(_fields_at(parent)), n=1, cutoff=0.0)
        meant = f" (the nearest known key is {_key((*parent, nearest[0]))})" if nearest else ""
        return (
            f"The site profile {path} has a key {key} that the harness does not know{meant}: rename or remove it{also}."
        )
    problem = error["msg"].removeprefix("Value error, ")
    problem = problem[:1].lower() + problem[1:]
    if not key:
        return f"The site profile {path} cannot be used: {problem}{also}."
    field = _field(error["loc"])
    example = f" (such as {_example(error['loc'], field)})" if field is not None and field.examples else ""
    return f"The site profile {path} has {key} = {_shown(error['input'])}, but {problem}{example}{also}."


def _as_written(loc: tuple[int | str, ...], data: object) -> tuple[int | str, ...]:
    """The place of a mistake as the profile wrote it: a single locator where a key also takes a list is
    `read.charged`, not the `read.charged[0]` the schema made of it."""
    written = data
    for part in loc[:-1]:
        written = written.get(part) if isinstance(written, dict) and isinstance(part, str) else None
    return loc[:-1] if loc and loc[-1] == 0 and isinstance(written, str) else loc


def _key(loc: tuple[int | str, ...]) -> str:
    """('find_offers', 'steps', 2, 'fill') -> 'find_offers.steps[2].fill'."""
    key = ""
    for part in loc:
        key += f"[{part}]" if isinstance(part, int) else f".{part}" if key else str(part)
    return key


def _shown(value: Any) -> str:
    text = repr(value) if not isinstance(value, dict) else "{...}"
    return text if len(text) <= 60 else text[:57] + "..."


def _example(loc: tuple[int | str, ...], field: FieldInfo | None) -> str:
    name = str(next((part for part in reversed(loc) if isinstance(part, str)), "key"))
    return f"{name} = {field.examples[0]}" if field is not None and field.examples else f"{name} = ..."


def _field(loc: tuple[int | str, ...]) -> FieldInfo | None:
    """The schema's field at `loc`, to say what it is and show an example."""
    model: type[BaseModel] | None = Profile
    field: FieldInfo | None = None
    for part in loc:
        if model is None:
            return None
        if isinstance(part, str) and part in model.model_fields:  # else a list index or a dict key (pages.cart)
            field = model.model_fields[part]
            model = _model_in(field.annotation)
    return field


def _fields_at(loc: tuple[int | str, ...]) -> Iterator[str]:
    """The keys the schema allows at `loc`."""
    model: type[BaseModel] | None = Profile
    for part in loc:
        if isinstance(part, str) and model is not None and part in model.model_fields:
            model = _model_in(model.model_fields[part].annotation)
    return iter(model.model_fields if model is not None else ())


def _model_in(annotation: Any) -> type[BaseModel] | None:
    """The model inside `Model | None`, `tuple[Model, ...]` or `dict[str, Model]`."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    if typing.get_origin(annotation) in (typing.Union, types.UnionType, tuple, dict, typing.Annotated):
        for argument in typing.get_args(annotation):
            if (model := _model_in(argument)) is not None:
                return model
    return None


def variables_used(profile: Profile) -> frozenset[str]:
    """Every variable some action of the profile fills in: what the harness can tell the shop."""
    return frozenset(name for _, template, _ in _templates(profile) for name in variables_in(template))


def _templates(profile: Profile) -> Iterator[tuple[str, str, tuple[str, ...]]]:
    """(key, template, variables allowed there) for every text of every action that may name variables."""
    for name, variables in VARIABLES.items():
        action = getattr(profile, name)
        if not isinstance(action, Action):
            continue
        allowed = (*variables, *EVERYWHERE)
        if action.url is not None:
            yield f"{name}.url", action.url, allowed
        for key, step in action.keyed_steps(name):
            for field in ("goto", "click", "fill", "check", "select", "text"):
                value = getattr(step, field)
                if value is not None:
                    label = "with" if field == "text" else field
                    yield f"{key}.{label}", value.value if isinstance(value, Where) else value, allowed
        for index, where in enumerate(action.ready):
            yield f"{name}.ready[{index}]", where.value, allowed
        if isinstance(action, ChooseOffer):
            yield f"{name}.choose", action.choose.value, allowed

