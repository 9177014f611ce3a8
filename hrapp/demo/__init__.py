"""Demo and synthetic data, above the use cases: the demo department (`department`, with its planning,
training, recruitment and the records kept after its snapshot day in `present`) and the generator of a
simulated province (`generator`). Nothing below this package imports it."""
