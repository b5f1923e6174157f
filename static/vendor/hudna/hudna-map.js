/* Hudna's map layers, drawn in the browser from compact data (FastMarkerCluster-style: no marker per point in Python).
 * Every string that reaches innerHTML here was HTML-escaped in Python (components/map_builder.py); colours were
 * checked against #rrggbb there. Part of Hudna (not vendored): see README.md beside the vendor folders. */
(function () {
  "use strict";

  var MIN_D = 14, MAX_D = 46; // marker diameter in px, by incidents in view

  function diameter(count, maxCount) {
    return Math.round(MIN_D + (MAX_D - MIN_D) * Math.sqrt(count / Math.max(maxCount, 1)));
  }

  // A donut of the factions' shares, with the count in the middle.
  function pieHtml(parts, total, d) {
    var stops = [], at = 0;
    parts.forEach(function (p) {
      var next = at + (100 * p[1]) / total;
      stops.push(p[0] + " " + at.toFixed(2) + "% " + next.toFixed(2) + "%");
      at = next;
    });
    var ring = "radial-gradient(circle, #fff 0 46%, transparent 47%), conic-gradient(" + stops.join(",") + ")";
    var short = total < 1000 ? total : total < 9950 ? (total / 1000).toFixed(1) + "k" : Math.round(total / 1000) + "k";
    var label = d >= 22 ? '<span class="hudna-count">' + short + "</span>" : "";
    return '<div class="hudna-pie" style="width:' + d + "px;height:" + d + "px;line-height:" + d +
      "px;background:" + ring + '">' + label + "</div>";
  }

  function clusterIcon(cluster) {
    var total = 0;
    cluster.getAllChildMarkers().forEach(function (m) { total += m.options.count; });
    var size = total < 100 ? "small" : total < 1000 ? "medium" : "large";
    return L.divIcon({
      html: "<div><span>" + (total < 10000 ? total : Math.round(total / 1000) + "k") + "</span></div>",
      className: "marker-cluster marker-cluster-" + size,
      iconSize: L.point(40, 40),
    });
  }

  function isoDay(days) {
    return new Date(days * 86400000).toISOString().slice(0, 10);
  }

  // Rows start[i] .. start[i + 1] of the ragged columns belong to item i.
  function range(start, i) {
    var out = [];
    for (var k = start[i]; k < start[i + 1]; k++) out.push(k);
    return out;
  }

  // A site's faction counts: its own rows when it shares its location, else the location's.
  function factionRows(data, i, j, limit) {
    var own = data.loc.sStart[j + 1] - data.loc.sStart[j] > 1;
    var ids = own ? data.site.f : data.loc.f, counts = own ? data.site.fn : data.loc.fn;
    var rows = range(own ? data.site.fStart : data.loc.fStart, own ? i : j);
    var html = rows.slice(0, limit).map(function (k) {
      var f = ids[k];
      return '<tr><td><span class="hudna-swatch" style="background:' + data.colors[f] + '"></span>' +
        data.factions[f] + '</td><td class="n">' + counts[k] + "</td></tr>";
    }).join("");
    if (rows.length > limit) {
      html += '<tr><td class="hp-more">' + data.ui.more.replace("{n}", rows.length - limit) + "</td><td></td></tr>";
    }
    return "<table>" + html + "</table>";
  }

  function incidentHtml(data, i) {
    var inc = data.inc, w = data.words;
    var links = range(inc.sStart, i).map(function (k) {
      var outlet = w.outlets[inc.outlet[k]];
      return inc.url[k] ? '<a href="' + inc.url[k] + '" target="_blank" rel="noopener noreferrer" dir="auto">' + outlet + "</a>"
        : '<span dir="auto">' + outlet + "</span>";
    });
    var more = inc.nSources[i] - links.length;
    var sources = links.length ? links.join(", ") + (more > 0 ? " +" + more : "") : data.ui.no_source;
    return "<li>" + isoDay(inc.day[i]) + (inc.prec[i] ? " (" + data.ui.datePrecisions[inc.prec[i]] + ")" : "") + " · " +
      w.types[inc.type[i]] + " · " + data.factions[inc.faction[i]] + " · " + inc.id[i] +
      (inc.about && inc.about[i] ? ' <span class="hp-summary" dir="auto">' + inc.about[i] + "</span>" : "") + " — " +
      sources + "</li>";
  }

  // Strings in `data` arrive HTML-escaped from Python; this only joins them with fixed markup and numbers.
  function siteHtml(data, i, j) {
    var s = data.site, w = data.words, ui = data.ui;
    var place = ui.place.replace("{precision}", ui.precisions[s.prec[i]]) +
      (s.km[i] ? " (" + ui.within.replace("{km}", s.km[i]) + ")" : "");
    var count = s.n[i] === 1 ? ui.count_one.replace("1", "<b>1</b>") : ui.count.replace("{n}", "<b>" + s.n[i] + "</b>");
    var types = range(s.tStart, i).map(function (k) { return w.types[s.t[k]] + " " + s.tn[k]; }).join(" · ");
    var en = '<div dir="ltr" lang="en">' + s.en[i] + "</div>", ar = s.ar[i] ? '<div dir="rtl" lang="ar">' + s.ar[i] + "</div>" : "";
    var names = ui.rtl && ar ? '<div class="hp-name">' + ar + "</div>" + en : '<div class="hp-name">' + en + "</div>" + ar;
    return '<div class="hp-site">' + names +
      '<div class="hp-meta">' + [w.kinds[s.kind[i]], w.countries[s.country[i]], place].filter(Boolean).join(" · ") +
      "</div><div>" + count + ", " + isoDay(s.first[i]) + (s.last[i] !== s.first[i] ? " – " + isoDay(s.last[i]) : "") +
      "</div>" +
      factionRows(data, i, j, data.detail ? 6 : 3) +
      '<div class="hp-meta">' + types + "</div>" +
      '<div class="hp-meta">' + ui.latest + "</div><ol>" + range(s.iStart, i).map(function (k) { return incidentHtml(data, k); }).join("") +
      "</ol></div>";
  }

  function popupHtml(data, j) {
    return '<div class="hudna-popup"' + (data.ui.rtl ? ' dir="rtl"' : "") + ">" + range(data.loc.sStart, j).map(function (i) { return siteHtml(data, i, j); }).join("") + "</div>";
  }

  function tooltipText(data, j) {
    return range(data.loc.sStart, j).map(function (i) {
      return (data.ui.rtl && data.site.ar[i]) || data.site.en[i];
    }).join(" · ");
  }

  // Sites layer: one marker per location, sized by incidents of the factions switched on in the layer control.
  function sites(map, data, refs) {
    var group = data.cluster
      ? L.markerClusterGroup({ iconCreateFunction: clusterIcon, chunkedLoading: true, maxClusterRadius: 45,
          disableClusteringAtZoom: 10, showCoverageOnHover: false, spiderfyOnMaxZoom: true })
      : L.featureGroup();

    function enabledFactions() {
      var on = refs.toggles.map(function (t) { return map.hasLayer(t); });
      return data.toggleOf.map(function (t) { return on[t]; });
    }

    // Pan an opening popup clear of the expanded layer control in the top-right corner.
    function keepClearOfControls(e) {
      var control = map.getContainer().querySelector(".leaflet-control-layers-expanded");
      var popup = e.target.getPopup();
      if (popup) popup.options.autoPanPaddingBottomRight = [control ? control.offsetWidth + 24 : 20, 20];
    }

    // leaflet.heat fails when redrawn off the map, so it gets its points when it is switched on.
    var heatPoints = [];
    if (refs.heat) refs.heat.on("add", function () { refs.heat.setLatLngs(heatPoints); });

    function siteMarker(j, parts, total) {
      var d = diameter(total, data.maxCount);
      var marker = L.marker([data.loc.lat[j], data.loc.lon[j]], {
        count: total, riseOnHover: true,
        icon: L.divIcon({ className: "hudna-site hudna-prec-" + data.loc.prec[j], html: pieHtml(parts, total, d), iconSize: [d, d] }),
      });
      marker.on("click", keepClearOfControls); // before bindPopup: its handler opens the popup
      marker.bindPopup(function () { return popupHtml(data, j); }, { maxWidth: 380, minWidth: 240, autoPanPaddingTopLeft: [50, 20] });
      marker.bindTooltip(tooltipText(data, j), { direction: "top", offset: [0, -d / 2], className: "hudna-tooltip" });
      return marker;
    }

    function rebuild() {
      var enabled = enabledFactions(), markers = [], circles = [], heat = [];
      var loc = data.loc;
      for (var j = 0; j < loc.lat.length; j++) {
        var parts = [], total = 0;
        for (var k = loc.fStart[j]; k < loc.fStart[j + 1]; k++) {
          if (enabled[loc.f[k]]) {
            parts.push([data.colors[loc.f[k]], loc.fn[k]]);
            total += loc.fn[k];
          }
        }
        if (!total) continue;
        markers.push(siteMarker(j, parts, total));
        if (loc.unc[j] > 0) {
          circles.push(L.circle([loc.lat[j], loc.lon[j]], { radius: loc.unc[j], interactive: false, color: "#555",
            weight: 1, dashArray: "4 4", fillColor: "#888", fillOpacity: 0.08 }));
        }
        heat.push([loc.lat[j], loc.lon[j], Math.sqrt(total / Math.max(data.maxCount, 1))]);
      }
      group.clearLayers();
      if (data.cluster) group.addLayers(markers); else markers.forEach(function (m) { group.addLayer(m); });
      if (refs.uncertainty) {
        refs.uncertainty.clearLayers();
        circles.forEach(function (c) { refs.uncertainty.addLayer(c); });
      }
      heatPoints = heat;
      if (refs.heat && map.hasLayer(refs.heat)) refs.heat.setLatLngs(heat);
    }

    map.on("overlayadd overlayremove", function (e) {
      if (refs.toggles.indexOf(e.layer) >= 0) rebuild();
    });
    rebuild();
    return group;
  }

  function escapeText(text) {
    var span = document.createElement("span");
    span.textContent = String(text);
    return span.innerHTML;
  }

  // A notice on the map while a chosen online tile layer cannot be reached (offline, blocked, tile server down):
  // the outline underneath keeps the map usable, the notice says why the tiles are missing.
  function watchTiles(map, message) {
    var notice = null;
    function show() {
      if (notice) return;
      notice = L.control({ position: "bottomleft" });
      notice.onAdd = function () {
        var box = L.DomUtil.create("div", "hudna-tile-notice");
        box.setAttribute("role", "status");
        box.innerHTML = message; // escaped on the server (entities), so it is text
        return box;
      };
      notice.addTo(map);
    }
    map.on("baselayerchange", function () { if (notice) { notice.remove(); notice = null; } });
    map.on("layeradd", function (e) {
      if (e.layer instanceof L.TileLayer && !e.layer._hudnaWatched) {
        e.layer._hudnaWatched = true;
        e.layer.on("tileerror", function () { if (map.hasLayer(e.layer)) show(); });
      }
    });
  }

  // The offline basemap: Natural Earth land, borders and country names, fetched from Streamlit's static folder.
  function outline(map, url, tilesFailed) {
    watchTiles(map, tilesFailed || "");
    var pane = map.createPane("hudnaOutline");
    pane.style.zIndex = 150; // under the tile pane (200): online tiles, when chosen and reachable, cover it
    pane.style.pointerEvents = "none";
    map.getContainer().style.background = "#d7e6ee"; // the sea
    var layer = L.geoJson(null, {
      pane: "hudnaOutline", interactive: false,
      attribution: "Boundaries: Natural Earth",
      style: function (f) {
        return f.properties.kind === "land"
          ? { color: "#b7b0a0", weight: 0.8, fillColor: "#f4f1ea", fillOpacity: 1 }
          : { color: "#9b9382", weight: 1, dashArray: "5 4", fill: false };
      },
      pointToLayer: function (f, latlng) {
        return L.marker(latlng, { pane: "hudnaOutline", interactive: false, keyboard: false,
          icon: L.divIcon({ className: "hudna-country-label", html: escapeText(f.properties.name), iconSize: [120, 16] }) });
      },
    });
    fetch(url).then(function (r) { return r.json(); }).then(function (d) { layer.addData(d); })
      .catch(function () { /* the sites still draw on the plain sea colour */ });
    return layer.addTo(map);
  }

  // Time playback over the filtered period (Leaflet.TimeDimension, the plugin behind folium's TimestampedGeoJson).
  function playback(map, data, hide) {
    var times = data.frames.map(function (t) { return Date.parse(t); });
    var features = data.points.map(function (p) {
      return { type: "Feature", geometry: { type: "Point", coordinates: [p[1], p[0]] },
        properties: { time: data.frames[p[2]], n: p[3], color: data.colors[p[4]] } };
    });
    var base = L.geoJson({ type: "FeatureCollection", features: features }, {
      pointToLayer: function (f, latlng) {
        return L.circleMarker(latlng, { radius: 3 + 13 * Math.sqrt(f.properties.n / Math.max(data.maxN, 1)),
          color: f.properties.color, weight: 1, fillColor: f.properties.color, fillOpacity: 0.65, interactive: false,
          className: "hudna-playback" });
      },
    });
    var dimension = L.timeDimension({ times: times, currentTime: times[0] });
    var Control = L.Control.TimeDimension.extend({
      _getDisplayDateFormat: function (date) {
        var first = date.toISOString().slice(0, 10);
        if (data.binDays === 1) return first;
        var last = new Date(date.getTime() + (data.binDays - 1) * 86400000).toISOString().slice(0, 10);
        return first + " – " + last;
      },
    });
    var control = new Control({ timeDimension: dimension, position: "bottomleft", autoPlay: false, loopButton: true,
      speedSlider: false, timeSliderDragUpdate: true, playerOptions: { transitionTime: 600, loop: true, startOver: true } });
    var layer = L.timeDimension.layer.geoJson(base, { timeDimension: dimension, duration: data.duration });
    // While it plays, the layers in `hide` (the site markers) step aside: they would cover its points. Deferred,
    // because the layer control re-applies every checkbox after the event, and it updates its boxes only after.
    var hidden = [];
    map.on("overlayadd", function (e) {
      if (e.layer !== layer) return;
      map.addControl(control);
      setTimeout(function () {
        hidden = (hide || []).filter(function (h) { return map.hasLayer(h); });
        hidden.forEach(function (h) { map.removeLayer(h); });
      }, 0);
    });
    map.on("overlayremove", function (e) {
      if (e.layer !== layer) return;
      map.removeControl(control);
      setTimeout(function () {
        hidden.forEach(function (h) { if (!map.hasLayer(h)) map.addLayer(h); });
        hidden = [];
      }, 0);
    });
    return layer;
  }

  window.HudnaMap = { sites: sites, outline: outline, playback: playback };
})();
