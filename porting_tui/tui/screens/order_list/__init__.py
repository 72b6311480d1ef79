"""The order list screen and the widgets it is built from."""
