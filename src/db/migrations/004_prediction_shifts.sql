-- Prediction shifts (prediksjonsvakter): a shift type planned on own staff for the expected
-- short-notice absence on another shift type of the unit (its code).
alter table shift_types add column prediction_for text check (length(prediction_for) between 1 and 8);
