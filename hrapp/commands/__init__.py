"""Sub-commands of the headless CLI, one module per area."""
