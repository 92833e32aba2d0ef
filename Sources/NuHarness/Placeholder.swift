import NuPhysics
