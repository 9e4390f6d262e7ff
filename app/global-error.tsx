'use client';

export default function GlobalError({ reset }: { error: Error; reset: () => void }) {
  return (
    <html lang="zh-CN">
      <body style={{ fontFamily: 'sans-serif', textAlign: 'center', padding: '4rem 1rem' }}>
        <h1>系统出错了</h1>
        <p>服务器暂时无法完成请求，请稍后重试。</p>
        <button type="button" onClick={reset}>重试</button>
      </body>
    </html>
  );
}
