"""The create-order wizard: six steps, a draft saved on every change, a safe submit."""
