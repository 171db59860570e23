"""Run pySHACL without the work alliance-kg throws away.

:func:`import_pyshacl` imports pySHACL without rdflib's SPARQL engine.
pySHACL imports it whatever it is asked (four names, for SHACL functions and
for Oxigraph stores), and with its parser and pyparsing it is most of
pySHACL's import time (0.03 s instead of 0.16-0.25 s measured on the loaded
2-core machine); the shapes of alliance-kg use SHACL Core only. While pySHACL is imported, small stand-in
modules give it those four names, which load the real engine the first time
they are used; the stand-ins are removed right after, so anything that
imports rdflib's SPARQL later (a SHACL-SPARQL constraint, ``Graph.query``)
gets the real one.

pySHACL spends about a quarter of a validation of the seed graph on two
things that change neither its verdict nor its report graph:

* the text report: every result, including those of the alternatives of an
  ``sh:or`` or ``sh:not`` that are built and then discarded (about 740 for
  the seed graph), gets a text description made from the shapes and data
  graphs. :mod:`alliance_kg.validate` reads only the report graph;
* the constraint parameters of a shape are looked up in a list of about 40
  IRIs, with rdflib's slow term equality (about 240,000 comparisons for the
  seed graph); a set gives the same answers by hash.

:func:`lean_pyshacl` switches both off for the duration of a ``with`` block
and puts everything back afterwards. A pySHACL version without the
attributes patched is left alone (it then runs at its own speed).
``tests/test_validate_speed.py`` checks that the report graphs are the same
with and without it, on many randomly broken graphs.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from types import ModuleType

_SPARQL = "rdflib.plugins.sparql"
#: What pySHACL imports from rdflib's SPARQL engine when it is imported: module -> names.
_STAND_INS = {
    f"{_SPARQL}.operators": ("register_custom_function", "unregister_custom_function"),
    f"{_SPARQL}.sparql": ("Query", "Update"),
}


def _forwarding_function(module: str, name: str):
    def forward(*args, **kwargs):
        return getattr(importlib.import_module(module), name)(*args, **kwargs)

    forward.__name__ = forward.__qualname__ = name
    return forward


class _ForwardingClass(type):
    """A stand-in class: ``isinstance`` and ``issubclass`` ask the real class."""

    def _real(cls) -> type:
        return getattr(importlib.import_module(cls._module), cls.__name__)

    def __instancecheck__(cls, instance: object) -> bool:
        return isinstance(instance, cls._real())

    def __subclasscheck__(cls, subclass: type) -> bool:
        return issubclass(subclass, cls._real())


def _stand_ins() -> dict[str, ModuleType]:
    package = ModuleType(_SPARQL)
    package.__path__ = []  # a package, so that its submodules can be found in sys.modules
    modules = {_SPARQL: package}
    for module, names in _STAND_INS.items():
        stand_in = modules[module] = ModuleType(module)
        for name in names:
            if name[0].isupper():
                value = _ForwardingClass(name, (), {"_module": module})
            else:
                value = _forwarding_function(module, name)
            setattr(stand_in, name, value)
    return modules


def import_pyshacl() -> ModuleType:
    """Import and return pySHACL, without rdflib's SPARQL engine when that is not loaded yet.

    If this pySHACL needs more of the engine than the stand-ins give (another
    version), the partial import is forgotten and pySHACL imported as usual.
    """
    if "pyshacl" in sys.modules or _SPARQL in sys.modules:
        return importlib.import_module("pyshacl")
    stand_ins = _stand_ins()
    before = set(sys.modules)
    sys.modules.update(stand_ins)
    try:
        return importlib.import_module("pyshacl")
    except ImportError:
        for name in set(sys.modules) - before:
            if name == "pyshacl" or name.startswith("pyshacl."):
                del sys.modules[name]
    finally:
        for name, module in stand_ins.items():
            if sys.modules.get(name) is module:
                del sys.modules[name]
    return importlib.import_module("pyshacl")


class _MemberSet(list):
    """A list whose ``in`` is a hash lookup (its items do not change while it is used)."""

    def __init__(self, items) -> None:
        super().__init__(items)
        self._set = frozenset(self)

    def __contains__(self, item: object) -> bool:
        return item in self._set


def _no_description(self, *args, **kwargs) -> str:  # noqa: ARG001 - pySHACL's signature
    return ""


@contextmanager
def lean_pyshacl() -> Iterator[None]:
    """Within the block, pySHACL makes no text report and finds constraint parameters by hash.

    The verdict and the report graph are unchanged; the text report (the
    third value of ``pyshacl.validate``) is empty. Not thread-safe: it
    patches pySHACL's module and class for the duration of the block.
    """
    import_pyshacl()
    try:
        from pyshacl import shape  # noqa: PLC0415 - heavy import, only when validating
        from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS, CONSTRAINT_PARAMETERS_MAP  # noqa: PLC0415
        from pyshacl.constraints.constraint_component import ConstraintComponent  # noqa: PLC0415
    except ImportError:  # another pySHACL: run it as it comes
        yield
        return
    missing = object()
    old_params = getattr(shape, "CONSTRAINT_PARAMS", missing)
    old_describe = ConstraintComponent.__dict__.get("make_v_result_description")
    shape.CONSTRAINT_PARAMS = (_MemberSet(ALL_CONSTRAINT_PARAMETERS), CONSTRAINT_PARAMETERS_MAP)
    if old_describe is not None:
        ConstraintComponent.make_v_result_description = _no_description
    try:
        yield
    finally:
        if old_describe is not None:
            ConstraintComponent.make_v_result_description = old_describe
        if old_params is missing:
            del shape.CONSTRAINT_PARAMS
        else:
            shape.CONSTRAINT_PARAMS = old_params
