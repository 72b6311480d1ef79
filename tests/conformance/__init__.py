"""Conformance: the emulator and the client against tools generated from Sinch's OpenAPI file."""
