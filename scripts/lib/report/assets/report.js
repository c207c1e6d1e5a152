/*
 * The report page's script (inlined into index.html by render.ts): draws each chart of window.REPORT.charts
 * with ECharts into its container. Data arrives already aggregated; this file only turns it into chart options.
 *
 * For tests and for anyone checking the page: window.__reportCharts[id] = { points, drawn } per chart (points =
 * non-empty data values given to the chart, drawn = ECharts reported the chart finished rendering), and
 * window.__reportReady becomes true when every chart has drawn.
 */
(function () {
  'use strict';
  var report = window.REPORT;
  var t = report.text;
  var palette = ['#2f6fde', '#e8590c', '#2b8a3e', '#c2255c', '#7048e8', '#0c8599', '#e67700', '#5c940d', '#868e96', '#d6336c'];
  var axisText = { color: '#5f6b7a', fontSize: 11 };
  var charts = {};
  window.__reportCharts = {};
  window.__reportReady = false;

  function num(value, digits) {
    return value === null || value === undefined ? '–' : Number(value).toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
  }
  function pct(value) {
    return value === null || value === undefined ? '–' : (value * 100).toFixed(1) + '%';
  }
  function money(value) {
    return report.currency + ' ' + num(value, 0);
  }
  function points() {
    var n = 0;
    for (var i = 0; i < arguments.length; i++) {
      (arguments[i] || []).forEach(function (v) {
        if (v !== null && v !== undefined) n++;
      });
    }
    return n;
  }
  function base(extra) {
    var option = {
      animation: false,
      color: palette,
      textStyle: { fontFamily: 'inherit' },
      grid: { left: 56, right: 56, top: 44, bottom: 56, containLabel: false },
      tooltip: { trigger: 'axis', confine: true },
      legend: { top: 0, textStyle: { fontSize: 11 }, itemWidth: 14, itemHeight: 8 },
    };
    for (var key in extra) option[key] = extra[key];
    return option;
  }
  function valueAxis(name, extra) {
    var axis = { type: 'value', name: name, nameTextStyle: axisText, nameGap: 14, axisLabel: axisText, splitLine: { lineStyle: { color: '#eef1f5' } } };
    for (var key in extra) axis[key] = extra[key];
    return axis;
  }
  function categoryAxis(name, data, extra) {
    var axis = { type: 'category', name: name, nameLocation: 'middle', nameGap: 34, nameTextStyle: axisText, data: data, axisLabel: axisText, axisTick: { alignWithLabel: true } };
    for (var key in extra) axis[key] = extra[key];
    return axis;
  }

  var builders = {
    ratingTrend: function (d) {
      return {
        points: points(d.avgRating, d.lowShare),
        option: base({
          xAxis: categoryAxis(t.week, d.weeks),
          yAxis: [
            valueAxis(t.meanStars, { min: 1, max: 5 }),
            valueAxis(t.lowShare, { min: 0, axisLabel: { color: '#5f6b7a', fontSize: 11, formatter: function (v) { return Math.round(v * 100) + '%'; } }, splitLine: { show: false } }),
          ],
          tooltip: {
            trigger: 'axis', confine: true,
            formatter: function (items) {
              var i = items[0].dataIndex;
              return d.weeks[i] + '<br>' + t.meanStars + ': ' + num(d.avgRating[i], 2) + '<br>' + t.lowShare + ': ' + pct(d.lowShare[i]) + '<br>' + t.reviews + ': ' + num(d.reviews[i], 0);
            },
          },
          series: [
            { name: t.lowShare, type: 'bar', yAxisIndex: 1, data: d.lowShare, itemStyle: { color: '#f3b6a0' }, barMaxWidth: 28 },
            { name: t.meanStars, type: 'line', data: d.avgRating, symbolSize: 7, lineStyle: { width: 3 }, itemStyle: { color: '#2f6fde' }, connectNulls: true },
          ],
        }),
      };
    },
    responseTrend: function (d) {
      return {
        points: points(d.median, d.p90),
        option: base({
          xAxis: categoryAxis(t.week, d.weeks),
          yAxis: valueAxis(t.hours, { min: 0 }),
          tooltip: {
            trigger: 'axis', confine: true,
            formatter: function (items) {
              var i = items[0].dataIndex;
              return d.weeks[i] + '<br>' + t.medianFirstResponse + ': ' + num(d.median[i], 1) + '<br>' + t.p90FirstResponse + ': ' + num(d.p90[i], 1) + '<br>' + t.conversations + ': ' + num(d.answered[i], 0);
            },
          },
          series: [
            { name: t.medianFirstResponse, type: 'line', data: d.median, symbolSize: 7, lineStyle: { width: 3 }, itemStyle: { color: '#e8590c' }, connectNulls: true },
            { name: t.p90FirstResponse, type: 'line', data: d.p90, symbolSize: 5, lineStyle: { width: 2, type: 'dashed' }, itemStyle: { color: '#f59f00' }, connectNulls: true },
          ],
        }),
      };
    },
    driver: function (d) {
      var names = d.buckets.map(function (b) { return b.en + '\n' + b.zh; });
      return {
        points: points(d.avgRating, d.lowShare),
        option: base({
          grid: { left: 40, right: 44, top: 36, bottom: 44 },
          legend: { top: 0, textStyle: { fontSize: 10 }, itemWidth: 12, itemHeight: 7 },
          xAxis: categoryAxis('', names, { axisLabel: { color: '#5f6b7a', fontSize: 10, interval: 0, lineHeight: 13 } }),
          yAxis: [
            valueAxis('★', { min: 0, max: 5 }),
            valueAxis('', { min: 0, max: 1, axisLabel: { color: '#5f6b7a', fontSize: 10, formatter: function (v) { return Math.round(v * 100) + '%'; } }, splitLine: { show: false } }),
          ],
          tooltip: {
            trigger: 'axis', confine: true,
            formatter: function (items) {
              var i = items[0].dataIndex;
              return d.buckets[i].en + ' / ' + d.buckets[i].zh + '<br>' + t.meanStars + ': ' + num(d.avgRating[i], 2) + '<br>' + t.lowShare + ': ' + pct(d.lowShare[i]) + '<br>' + t.reviews + ': ' + num(d.reviews[i], 0);
            },
          },
          series: [
            { name: t.meanStars, type: 'bar', data: d.avgRating, itemStyle: { color: '#2f6fde' }, barMaxWidth: 26 },
            { name: t.lowShare, type: 'line', yAxisIndex: 1, data: d.lowShare, symbolSize: 6, itemStyle: { color: '#e03131' } },
          ],
        }),
      };
    },
    contactReasons: function (d) {
      return {
        points: points.apply(null, d.series.map(function (s) { return s.data; })),
        option: base({
          grid: { left: 56, right: 24, top: 64, bottom: 56 },
          xAxis: categoryAxis(t.week, d.weeks),
          yAxis: valueAxis(t.conversations, { min: 0 }),
          tooltip: { trigger: 'axis', confine: true, axisPointer: { type: 'shadow' } },
          series: d.series.map(function (s) {
            return { name: s.name, type: 'bar', stack: 'reasons', data: s.data, barMaxWidth: 48, emphasis: { focus: 'series' } };
          }),
        }),
      };
    },
    heatmap: function (d) {
      var max = 0;
      d.cells.forEach(function (c) { if (c[2] > max) max = c[2]; });
      var hours = [];
      for (var h = 0; h < 24; h++) hours.push(String(h));
      return {
        points: d.cells.filter(function (c) { return c[2] > 0; }).length,
        option: base({
          grid: { left: 92, right: 24, top: 16, bottom: 92 },
          legend: { show: false },
          tooltip: {
            trigger: 'item', confine: true,
            formatter: function (p) {
              var c = p.data;
              return d.weekdays[c[1]] + ' ' + c[0] + ':00<br>' + t.waitsStarted + ': ' + num(c[2], 0) + '<br>' + t.meanWait + ': ' + num(c[3], 1);
            },
          },
          xAxis: categoryAxis(t.hourOfDay, hours, { splitArea: { show: true } }),
          yAxis: { type: 'category', data: d.weekdays, inverse: true, axisLabel: axisText, splitArea: { show: true }, name: '', axisTick: { show: false } },
          visualMap: {
            // Colour by waits started (dimension 2), not by the last dimension (the mean wait), ECharts' default.
            dimension: 2, min: 0, max: Math.max(max, 1), calculable: true, orient: 'horizontal', left: 'center', bottom: 0, itemHeight: 180, itemWidth: 12,
            text: [t.waitsStarted, ''], textStyle: axisText,
            inRange: { color: ['#f1f5fb', '#a5c3f0', '#2f6fde', '#16357a'] },
          },
          series: [{ name: t.waitsStarted, type: 'heatmap', data: d.cells, emphasis: { itemStyle: { borderColor: '#1f2933', borderWidth: 1 } } }],
        }),
      };
    },
    returnsWeekly: function (d) {
      return {
        points: points(d.rate, d.refunds),
        option: base({
          xAxis: categoryAxis(t.week, d.weeks),
          yAxis: [
            valueAxis(t.refunds + ' (' + report.currency + ')', { min: 0 }),
            valueAxis(t.returnRate, { min: 0, axisLabel: { color: '#5f6b7a', fontSize: 11, formatter: function (v) { return (v * 100).toFixed(1) + '%'; } }, splitLine: { show: false } }),
          ],
          tooltip: {
            trigger: 'axis', confine: true,
            formatter: function (items) {
              var i = items[0].dataIndex;
              return d.weeks[i] + '<br>' + t.returnRate + ': ' + pct(d.rate[i]) + '<br>' + t.returnRequests + ': ' + num(d.requests[i], 0) + '<br>' + t.refunds + ': ' + money(d.refunds[i]);
            },
          },
          series: [
            { name: t.refunds + ' (' + report.currency + ')', type: 'bar', data: d.refunds, itemStyle: { color: '#a5c3f0' }, barMaxWidth: 32 },
            { name: t.returnRate, type: 'line', yAxisIndex: 1, data: d.rate, symbolSize: 7, lineStyle: { width: 3 }, itemStyle: { color: '#c2255c' }, connectNulls: true },
          ],
        }),
      };
    },
    returnReasons: function (d) {
      return {
        points: points(d.requests),
        option: base({
          grid: { left: 200, right: 48, top: 36, bottom: 48 },
          legend: { show: false },
          tooltip: {
            trigger: 'axis', confine: true, axisPointer: { type: 'shadow' },
            formatter: function (items) {
              var i = items[0].dataIndex;
              return d.reasons[i] + '<br>' + t.returnRequests + ': ' + num(d.requests[i], 0) + '<br>' + t.returnRate + ': ' + pct(d.rate[i]) + '<br>' + t.refunds + ': ' + money(d.refunds[i]);
            },
          },
          xAxis: valueAxis(t.returnRequests, { min: 0, nameLocation: 'middle', nameGap: 28 }),
          yAxis: { type: 'category', data: d.reasons, inverse: true, axisLabel: axisText, axisTick: { show: false } },
          series: [{
            name: t.returnRequests, type: 'bar', data: d.requests, itemStyle: { color: '#c2255c' }, barMaxWidth: 22,
            label: { show: true, position: 'right', fontSize: 11, color: '#5f6b7a', formatter: function (p) { return pct(d.rate[p.dataIndex]); } },
          }],
        }),
      };
    },
  };

  function markReady() {
    for (var id in window.__reportCharts) if (!window.__reportCharts[id].drawn) return;
    window.__reportReady = true;
  }

  report.charts.forEach(function (spec) {
    var el = document.getElementById('chart-' + spec.id);
    var built = builders[spec.kind](spec.data);
    window.__reportCharts[spec.id] = { points: built.points, drawn: false };
    if (built.points === 0) {
      el.classList.add('empty');
      el.textContent = t.noData;
      window.__reportCharts[spec.id].drawn = true;
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.on('finished', function () {
      window.__reportCharts[spec.id].drawn = true;
      markReady();
    });
    chart.setOption(built.option);
    charts[spec.id] = chart;
  });
  markReady();
  window.addEventListener('resize', function () {
    for (var id in charts) charts[id].resize();
  });
})();
