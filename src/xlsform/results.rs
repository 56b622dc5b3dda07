//! Results as a workbook.
