// office-addin-mock only needs this enum; the real package is ESM-only and jest on node 20 cannot load it.
module.exports = { OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" } };
