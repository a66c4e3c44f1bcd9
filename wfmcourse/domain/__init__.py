"""Domain layer: the WFM calculations as pure functions (queueing, staffing, KPIs, capacity,
forecasting, roster, reporting, improvement, simulation). No widgets, no printing, no Dutch
column names; imports only :mod:`wfmcourse.validation` and other domain modules."""
