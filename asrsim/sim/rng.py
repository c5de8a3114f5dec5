"""The world's seeded random generator, and how its state is kept with the world.

Everything random in a world (GUIDs, MAC addresses, jitter) is drawn from this one generator,
seeded when the world is created and saved after every transaction that drew from it, so the
same topology, seed and commands give the same world.
"""

from __future__ import annotations

import json
import random  # noqa: TID251 - the one place the seeded generator is made
import uuid

Generator = random.Random


def new_generator(seed: int) -> random.Random:
    return random.Random(seed)


def dump_state(generator: random.Random) -> str:
    version, internal, gauss = generator.getstate()
    return json.dumps([version, list(internal), gauss], separators=(",", ":"))


def load_state(text: str) -> random.Random:
    version, internal, gauss = json.loads(text)
    generator = random.Random()
    generator.setstate((version, tuple(internal), gauss))
    return generator


def new_guid(generator: random.Random) -> str:
    """A version-4 GUID drawn from the world's generator, in the lower-case form Windows shows."""
    return str(uuid.UUID(int=generator.getrandbits(128), version=4))
