"""Full screens of the app, one per module with its .tcss beside it."""
